import { STATUS } from '../../core/status.ts';
import type { TracePaths } from '../descent/trace.ts';
import type { Box } from '../objectives/types.ts';
import { drawAxes } from './axes.ts';
import { drawCurve } from './curve-layer.ts';
import { clearWhite, drawTitle, type Ctx } from './draw.ts';
import { CONTOUR_STYLE, strokeContours } from './contour-layer.ts';
import { contourLevels, contourLines } from './contours.ts';
import type { Field } from './field.ts';
import { formatShort, formatValue } from './format.ts';
import { layoutFrame, type Frame } from './frame.ts';
import { drawLegend, type LegendItem } from './legend.ts';
import { BASIN_PALETTE } from './palette.ts';
import { drawPaths, stepColour } from './trace-layer.ts';

export interface TracePlotInput {
  paths: TracePaths;
  /** Plotted range per axis (see traceRange): one for 1-D, two for 2-D. */
  range: Array<[number, number]>;
  /** 1-D: f sampled over range[0], drawn as the curve the ball rolls on. */
  curve?: { x: Float64Array; f: Float32Array };
  /** 2-D: f over the plane, drawn as contour lines under the paths. */
  field?: Field;
  title: string;
  subtitle?: string;
  width?: number;
  height?: number;
  /**
   * Draw each path only up to this step (the explore page's rolling ball); the axes and the
   * legend still describe the whole paths, so they stay put while the paths grow.
   */
  upTo?: number;
}

export const TRACE_SIZE = { width: 900, height: 600 } as const;
const LEGEND_WIDTH = 230;

/**
 * The box, widened to take in where the paths went, but at most one box width on each side: a
 * diverging path runs off the picture instead of shrinking the landscape to a dot.
 */
export function traceRange(box: Box, paths: TracePaths): Array<[number, number]> {
  return box.map(([lo, hi], j) => {
    const w = hi - lo;
    let [a, b] = [lo, hi];
    for (const path of paths.x) {
      for (const p of path) if (Number.isFinite(p[j])) [a, b] = [Math.min(a, p[j]), Math.max(b, p[j])];
    }
    [a, b] = [Math.max(a, lo - w), Math.min(b, hi + w)];
    const pad = a < lo || b > hi ? 0.03 * (b - a) : 0;
    return [a - (a < lo ? pad : 0), b + (b > hi ? pad : 0)];
  });
}

/** Where drawTrace puts the plot and the legend for this input, and its data-to-pixel scales. */
export function traceFrame(input: TracePlotInput): Frame {
  const d = input.range.length;
  if (d !== 1 && d !== 2) throw new RangeError(`a trace picture is 1-D or 2-D, got ${d} axes`);
  const width = input.width ?? TRACE_SIZE.width;
  const height = input.height ?? TRACE_SIZE.height;
  const yRange = d === 1 ? curveRange(input) : input.range[1];
  return layoutFrame([input.range[0], yRange], { width, height, legendWidth: LEGEND_WIDTH, equalWithin: d === 1 ? 0 : 3 });
}

/**
 * The paths on a canvas of the frame's size, over the curve f(x) for 1-D, over contour lines of
 * f for 2-D (trace.png is this picture: trace-png.ts). Returns the layout, for drawing on top.
 */
export function drawTrace(ctx: Ctx, input: TracePlotInput): Frame {
  const d = input.range.length;
  const frame = traceFrame(input);
  const { width } = frame;
  clearWhite(ctx, frame.width, frame.height);

  clipToPlot(ctx, frame, () => {
    if (d === 1 && input.curve) drawCurve(ctx, frame, input.curve);
    if (d === 2 && input.field) strokeContours(ctx, frame, contourLines(input.field, contourLevels(input.field.values, 15).levels));
    drawPaths(ctx, frame, input.paths, d, input.upTo);
  });
  drawAxes(ctx, frame, d === 1 ? { x: 'x', y: 'f(x)' } : { x: 'x1', y: 'x2' });
  drawTitle(ctx, input.title, input.subtitle, frame.plot.left, width - frame.plot.left - 16);
  drawLegend(ctx, legendItems(input.paths, d, !!input.field, resolution(input)), frame.legend);
  return frame;
}

/**
 * The f axis: everything the paths visit and the whole bottom of the curve, but the curve's top
 * only up to its 80th percentile, so that steep walls at the box edges (x⁴ grows fast) run off
 * the top instead of flattening the valleys where the ball rolls.
 */
function curveRange(input: TracePlotInput): [number, number] {
  let [lo, hi] = [Infinity, -Infinity];
  const [x0, x1] = input.range[0];
  const inside = (x: number, v: number) => x >= x0 && x <= x1 && Number.isFinite(v);
  const curve: number[] = [];
  if (input.curve) input.curve.f.forEach((v, i) => inside(input.curve!.x[i], v) && curve.push(v));
  input.paths.x.forEach((path, k) =>
    path.forEach((p, t) => {
      const v = input.paths.f[k][t];
      if (inside(p[0], v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    }),
  );
  if (curve.length > 0) {
    curve.sort((a, b) => a - b);
    lo = Math.min(lo, curve[0]);
    hi = Math.max(hi, curve[Math.floor(0.8 * (curve.length - 1))]);
  }
  if (!(hi >= lo)) return [-1, 1];
  const pad = hi > lo ? 0.06 * (hi - lo) : 1;
  return [lo - pad, hi + pad];
}

function clipToPlot(ctx: Ctx, frame: Frame, draw: () => void): void {
  const { plot } = frame;
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.width, plot.height);
  ctx.clip();
  draw();
  ctx.restore();
}

/** Rounding of f in the legend: a millionth of f's range in the picture, so 3e-11 reads as 0. */
function resolution(input: TracePlotInput): number {
  const values = input.curve?.f ?? input.field?.values ?? Float32Array.from(input.paths.f.flat());
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of values) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  return hi > lo ? 1e-6 * (hi - lo) : 1e-7;
}

function legendItems(paths: TracePaths, d: number, contours: boolean, fStep: number): LegendItem[] {
  const steps = Math.max(0, ...paths.x.map((p) => p.length - 1));
  const items: LegendItem[] = [{ kind: 'heading', text: 'Paths' }];
  paths.x.forEach((path, k) => {
    const colour = BASIN_PALETTE[k % BASIN_PALETTE.length];
    const last = path.length - 1;
    items.push({ kind: 'line', colour, width: 2.5, text: `${k + 1}: from ${point(path[0])}` });
    const end = last >= 0 && path[last].every(Number.isFinite) ? `to ${point(path[last])}, f = ${formatValue(paths.f[k][last], fStep)}` : 'diverged';
    items.push({ kind: 'note', text: `   ${end}` });
    items.push({ kind: 'note', text: `   ${last} steps, ${STATUS[paths.stop[k]].short}` });
  });
  items.push({ kind: 'gap' }, { kind: 'heading', text: 'Step' }, { kind: 'ramp', colour: stepColour, from: '0', to: String(steps) });
  if (d === 1) items.push({ kind: 'gap' }, { kind: 'line', colour: '#333333', width: 2, text: 'f(x)' });
  if (contours) items.push({ kind: 'gap' }, { kind: 'line', colour: CONTOUR_STYLE.colour, width: 1.6, text: 'contour lines of f' });
  return items;
}

function point(p: number[]): string {
  const s = p.map((v) => formatShort(Number(v.toPrecision(4))));
  return s.length === 1 ? s[0] : `(${s.join(', ')})`;
}
