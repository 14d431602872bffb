import type { BasinSummary } from '../basins/types.ts';
import { OUTCOME } from '../basins/outcome.ts';
import type { StartResults } from '../../core/results.ts';
import type { BasinColours } from './basin-colours.ts';
import type { Ctx, PaintPixels } from './draw.ts';
import type { Frame } from './frame.ts';
import { DIVERGED_COLOUR, NOT_CONVERGED_COLOUR, rgbOf } from './palette.ts';
import { detectGrid, type StartGrid } from './start-grid.ts';

/** What the layer draws of the starts: where each one started. */
type StartPoints = Pick<StartResults, 'n' | 'd' | 'x0'>;

/** Per start, the colour it is drawn in: its basin's, or one of two greys when it reached none (its outcome). */
export function startColours(r: Pick<StartResults, 'n'>, s: BasinSummary, colours: BasinColours): string[] {
  const out = new Array<string>(r.n);
  for (let i = 0; i < r.n; i++) {
    const o = s.outcome[i];
    out[i] = o >= 0 ? colours.colourOf[o] : o === OUTCOME.diverged ? DIVERGED_COLOUR : NOT_CONVERGED_COLOUR;
  }
  return out;
}

/**
 * Every start at its starting point in its colour: a grid of starts as a filled image of cells
 * (one pixel per start, scaled without smoothing so cell edges stay sharp), anything else as dots.
 * Returns the grid when there was one. `paint` puts pixel layers on the platform's canvas.
 */
export function drawStarts(ctx: Ctx, frame: Frame, r: StartPoints, axes: [number, number], colour: string[], basinOf: Int32Array, merged: (id: number) => boolean, paint: PaintPixels): StartGrid | undefined {
  const grid = detectGrid(r.x0, r.d, axes);
  ctx.save();
  const { plot } = frame;
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.width, plot.height);
  ctx.clip();
  if (grid) {
    drawCells(ctx, frame, grid, colour, paint);
    drawMergedBoundaries(ctx, frame, grid, basinOf, merged);
  } else drawDots(ctx, frame, r, axes, colour, paint);
  ctx.restore();
  return grid;
}

function drawCells(ctx: Ctx, frame: Frame, g: StartGrid, colour: string[], paint: PaintPixels): void {
  const [nu, nv] = [g.u.length, g.v.length];
  const data = { width: nu, height: nv, data: new Uint8ClampedArray(nu * nv * 4) };
  const rgb = new Map<string, [number, number, number]>();
  g.cell.forEach((c, i) => {
    const col = colour[i];
    if (!rgb.has(col)) rgb.set(col, rgbOf(col));
    const [cr, cg, cb] = rgb.get(col)!;
    // Image rows run top-down, the v axis bottom-up.
    const ku = c % nu;
    const kv = (c - ku) / nu;
    const p = ((nv - 1 - kv) * nu + ku) * 4;
    data.data[p] = cr;
    data.data[p + 1] = cg;
    data.data[p + 2] = cb;
    data.data[p + 3] = 255;
  });
  const hu = (g.u[nu - 1] - g.u[0]) / (nu - 1);
  const hv = (g.v[nv - 1] - g.v[0]) / (nv - 1);
  const x0 = frame.x(g.u[0] - hu / 2);
  const x1 = frame.x(g.u[nu - 1] + hu / 2);
  const y0 = frame.y(g.v[nv - 1] + hv / 2);
  const y1 = frame.y(g.v[0] - hv / 2);
  paint(ctx, data, x0, y0, x1 - x0, y1 - y0);
}

/**
 * Merged basins share one colour, so the edges between two of them are drawn as thin lines:
 * their shapes stay visible even though their colours no longer tell them apart.
 */
function drawMergedBoundaries(ctx: Ctx, frame: Frame, g: StartGrid, basinOf: Int32Array, merged: (id: number) => boolean): void {
  const [nu, nv] = [g.u.length, g.v.length];
  const byCell = new Int32Array(nu * nv);
  g.cell.forEach((c, i) => (byCell[c] = basinOf[i]));
  const hu = (g.u[nu - 1] - g.u[0]) / (nu - 1);
  const hv = (g.v[nv - 1] - g.v[0]) / (nv - 1);
  const differ = (a: number, b: number) => a !== b && a >= 0 && b >= 0 && merged(a) && merged(b);
  ctx.beginPath();
  for (let kv = 0; kv < nv; kv++) {
    for (let ku = 0; ku < nu; ku++) {
      const here = byCell[kv * nu + ku];
      if (ku + 1 < nu && differ(here, byCell[kv * nu + ku + 1])) {
        const x = frame.x(g.u[ku] + hu / 2);
        ctx.moveTo(x, frame.y(g.v[kv] - hv / 2));
        ctx.lineTo(x, frame.y(g.v[kv] + hv / 2));
      }
      if (kv + 1 < nv && differ(here, byCell[(kv + 1) * nu + ku])) {
        const y = frame.y(g.v[kv] + hv / 2);
        ctx.moveTo(frame.x(g.u[ku] - hu / 2), y);
        ctx.lineTo(frame.x(g.u[ku] + hu / 2), y);
      }
    }
  }
  ctx.strokeStyle = 'rgba(90,70,40,0.55)';
  ctx.lineWidth = 0.8;
  ctx.stroke();
}

/**
 * Scattered starts: dots about as wide as their typical spacing, so a dense set reads as an area.
 * Up to 20,000 they are drawn as round dots; beyond, as squares written straight into pixels
 * (canvas calls cost ~2.5 µs each, which is 25 s for ten million starts).
 */
function drawDots(ctx: Ctx, frame: Frame, r: StartPoints, axes: [number, number], colour: string[], paint: PaintPixels): void {
  const { plot } = frame;
  const size = Math.max(1.5, Math.min(8, 1.1 * Math.sqrt((plot.width * plot.height) / Math.max(1, r.n))));
  const at = (i: number) => [frame.x(r.x0[i * r.d + axes[0]]), frame.y(r.x0[i * r.d + axes[1]])];
  if (r.n <= 20_000) {
    for (let i = 0; i < r.n; i++) {
      const [px, py] = at(i);
      ctx.fillStyle = colour[i];
      ctx.beginPath();
      ctx.arc(px, py, size / 2, 0, 2 * Math.PI);
      ctx.fill();
    }
    return;
  }
  const [w, h] = [Math.ceil(plot.width), Math.ceil(plot.height)];
  const image = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
  const side = Math.max(1, Math.round(size));
  const rgb = new Map<string, [number, number, number]>();
  for (let i = 0; i < r.n; i++) {
    const [px, py] = at(i);
    const x0 = Math.round(px - plot.left - side / 2);
    const y0 = Math.round(py - plot.top - side / 2);
    if (!rgb.has(colour[i])) rgb.set(colour[i], rgbOf(colour[i]));
    const [cr, cg, cb] = rgb.get(colour[i])!;
    for (let y = Math.max(0, y0); y < Math.min(h, y0 + side); y++) {
      for (let x = Math.max(0, x0); x < Math.min(w, x0 + side); x++) {
        const p = (y * w + x) * 4;
        image.data[p] = cr;
        image.data[p + 1] = cg;
        image.data[p + 2] = cb;
        image.data[p + 3] = 255;
      }
    }
  }
  paint(ctx, image, plot.left, plot.top, w, h);
}
