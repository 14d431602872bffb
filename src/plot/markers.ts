import type { Ctx } from './draw.ts';

/** Pixel radius of each marker; labels and collision boxes use the same numbers. */
export const MARKER_RADIUS = { global: 8, local: 4, saddle: 5 } as const;

/**
 * A minimum: a five-pointed star for a global one, a small disc for a local one. White fill with
 * a dark outline stands out on every basin colour.
 */
export function drawMinimum(ctx: Ctx, x: number, y: number, global: boolean, radius?: number): void {
  ctx.save();
  ctx.beginPath();
  if (global) starPath(ctx, x, y, radius ?? MARKER_RADIUS.global);
  else ctx.arc(x, y, radius ?? MARKER_RADIUS.local, 0, 2 * Math.PI);
  ctx.fillStyle = global ? '#ffd700' : '#ffffff';
  ctx.fill();
  ctx.lineWidth = global ? 1.4 : 1.2;
  ctx.strokeStyle = '#111111';
  ctx.stroke();
  ctx.restore();
}

function starPath(ctx: Ctx, x: number, y: number, r: number): void {
  const inner = r * 0.45;
  for (let k = 0; k < 10; k++) {
    const rad = k % 2 === 0 ? r : inner;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const px = x + rad * Math.cos(a);
    const py = y + rad * Math.sin(a);
    if (k === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
}

/** A round point filled with `colour`, outlined so that light colours show on white. */
export function drawDot(ctx: Ctx, x: number, y: number, r: number, colour: string): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = colour;
  ctx.fill();
  ctx.lineWidth = 0.8;
  ctx.strokeStyle = 'rgba(0,0,0,0.75)';
  ctx.stroke();
}

/**
 * A saddle: a bold × (dark over a white halo), a shape no minimum marker has, so it reads on any
 * basin colour and next to a minimum.
 */
export function drawSaddle(ctx: Ctx, x: number, y: number, radius: number = MARKER_RADIUS.saddle): void {
  ctx.save();
  for (const [colour, width] of [['#ffffff', 4.2], ['#111111', 2]] as const) {
    ctx.beginPath();
    ctx.moveTo(x - radius, y - radius);
    ctx.lineTo(x + radius, y + radius);
    ctx.moveTo(x - radius, y + radius);
    ctx.lineTo(x + radius, y - radius);
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.stroke();
  }
  ctx.restore();
}
