import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';

export type Ctx = SKRSContext2D;

// DejaVu ships with most Linux systems; the rest fall back to the platform's sans-serif.
const FAMILY = '"DejaVu Sans", "Helvetica Neue", Arial, sans-serif';

export function font(px: number, weight: 'normal' | 'bold' = 'normal'): string {
  return `${weight} ${px}px ${FAMILY}`;
}

/** A white canvas of the given size. */
export function whiteCanvas(width: number, height: number): { canvas: Canvas; ctx: Ctx } {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  return { canvas, ctx };
}

export function encodePng(canvas: Canvas): Uint8Array {
  const buf = canvas.toBuffer('image/png');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Text with a white halo, readable over any colour or line underneath. */
export function haloText(ctx: Ctx, text: string, x: number, y: number, fill = '#111111'): void {
  ctx.save();
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.strokeText(text, x, y);
  ctx.fillStyle = fill;
  ctx.fillText(text, x, y);
  ctx.restore();
}

/** Title and, below it, a smaller subtitle, left-aligned above the plot. */
export function drawTitle(ctx: Ctx, title: string, subtitle: string | undefined, left: number, width: number): void {
  ctx.save();
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#111111';
  ctx.font = font(17, 'bold');
  ctx.fillText(fit(ctx, title, width), left, 24);
  if (subtitle) {
    ctx.font = font(12);
    ctx.fillStyle = '#444444';
    ctx.fillText(fit(ctx, subtitle, width), left, 44);
  }
  ctx.restore();
}

/** The text shortened with an ellipsis to fit `width` pixels in the current font. */
export function fit(ctx: Ctx, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(t + '…').width > width) t = t.slice(0, -1);
  return t + '…';
}
