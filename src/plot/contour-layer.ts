import type { Ctx } from './draw.ts';
import type { ContourLine } from './contours.ts';
import type { Frame } from './frame.ts';

export const CONTOUR_STYLE = { colour: 'rgba(20,20,20,0.42)', width: 0.7 } as const;

/** Thin iso-lines over whatever is below, clipped to the plot area. */
export function strokeContours(ctx: Ctx, frame: Frame, contours: ContourLine[], style: { colour: string; width: number } = CONTOUR_STYLE): void {
  const { plot, x, y } = frame;
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.width, plot.height);
  ctx.clip();
  ctx.strokeStyle = style.colour;
  ctx.lineWidth = style.width;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  for (const c of contours) {
    for (const line of c.lines) {
      line.forEach(([u, v], k) => (k === 0 ? ctx.moveTo(x(u), y(v)) : ctx.lineTo(x(u), y(v))));
    }
  }
  ctx.stroke();
  ctx.restore();
}
