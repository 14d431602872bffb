import { interpolateViridis } from 'd3-scale-chromatic';
import type { TracePaths } from '../descent/trace.ts';
import { font, haloText, type Ctx } from './draw.ts';
import type { Frame } from './frame.ts';
import { drawDot } from './markers.ts';
import { BASIN_PALETTE } from './palette.ts';

/** Colour of step t / (longest path): viridis without its pale yellow end, which vanishes on white. */
export const stepColour = (t: number) => interpolateViridis(0.92 * t);

/** Where step t of path k is drawn: (x, f) in 1-D, (x1, x2) in 2-D. */
function pixel(frame: Frame, paths: TracePaths, d: number, k: number, t: number): [number, number] {
  const p = paths.x[k][t];
  return [frame.x(p[0]), frame.y(d === 1 ? paths.f[k][t] : p[1])];
}

/**
 * Each path as a thin line in its own colour joining its steps, the steps as dots coloured by
 * step number (one scale for all paths), a ring at the start and a labelled end point. With
 * `upTo`, only steps 0..upTo are drawn, on the colour scale of the whole paths.
 */
export function drawPaths(ctx: Ctx, frame: Frame, whole: TracePaths, d: number, upTo = Infinity): void {
  const steps = Math.max(1, ...whole.x.map((p) => p.length - 1));
  const paths = upTo === Infinity ? whole : { ...whole, x: whole.x.map((p) => p.slice(0, upTo + 1)) };
  const finite = (k: number, t: number) => pixel(frame, paths, d, k, t).every(Number.isFinite);
  paths.x.forEach((path, k) => {
    ctx.beginPath();
    let pen = false;
    path.forEach((_, t) => {
      if (!finite(k, t)) return void (pen = false);
      const [px, py] = pixel(frame, paths, d, k, t);
      if (pen) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      pen = true;
    });
    ctx.strokeStyle = BASIN_PALETTE[k % BASIN_PALETTE.length];
    ctx.lineWidth = 1.5;
    ctx.stroke();
  });
  paths.x.forEach((path, k) => {
    // Fewer, larger dots read better on short paths; long paths get small dots.
    const r = path.length > 200 ? 2.5 : path.length > 60 ? 3.2 : 4;
    path.forEach((_, t) => {
      if (finite(k, t)) drawDot(ctx, ...pixel(frame, paths, d, k, t), r, stepColour(t / steps));
    });
  });
  paths.x.forEach((path, k) => {
    if (path.length === 0 || !finite(k, 0)) return;
    const [sx, sy] = pixel(frame, paths, d, k, 0);
    ctx.beginPath();
    ctx.arc(sx, sy, 8, 0, 2 * Math.PI);
    ctx.strokeStyle = BASIN_PALETTE[k % BASIN_PALETTE.length];
    ctx.lineWidth = 2.5;
    ctx.stroke();
    ctx.font = font(12, 'bold');
    ctx.textAlign = 'center';
    // Above the ring, or below it when the ring is at the top edge.
    const above = sy - 28 > frame.plot.top;
    ctx.textBaseline = above ? 'bottom' : 'top';
    haloText(ctx, `start ${k + 1}`, sx, above ? sy - 11 : sy + 11);
  });
}
