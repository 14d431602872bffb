import type { BasinSummary } from '../basins/types.ts';
import type { StartResults } from '../../core/results.ts';
import { scaleLinear } from 'd3-scale';
import { drawAxes } from './axes.ts';
import { drawCurve as drawCurveLine } from './curve-layer.ts';
import { basinColours, type BasinColours } from './basin-colours.ts';
import { legendItems } from './basin-map.ts';
import { clearWhite, drawTitle, type Ctx } from './draw.ts';
import { layoutFrame, type Frame, type Rect } from './frame.ts';
import { drawLegend } from './legend.ts';
import { formatValue } from './format.ts';
import { boxAround, drawLabels } from './labels.ts';
import { drawMinimum, MARKER_RADIUS } from './markers.ts';
import { startColours } from './starts-layer.ts';

/** What the 1-D basin map draws: f over the interval, and under it every start in its basin's colour. */
export interface BasinStripInput {
  results: Pick<StartResults, 'n' | 'd' | 'x0'>;
  summary: BasinSummary;
  /** The interval drawn (the box). */
  range: [number, number];
  /** f sampled over the interval. */
  curve: { x: Float64Array; f: Float32Array };
  /** The variable's name, as the user wrote it. */
  name: string;
  title: string;
  subtitle?: string;
  width?: number;
  height?: number;
}

export const BASIN_STRIP_SIZE = { width: 900, height: 560 } as const;
const LEGEND_WIDTH = 240;
/** Height of the strip of starts, and the gap between it and the curve, in pixels. */
const STRIP = { height: 34, gap: 10 } as const;

/** The layout: the plot area (curve above, strip at its bottom), the strip, and the scales (y maps f into the part above the strip). */
export function basinStripLayout(input: Pick<BasinStripInput, 'range' | 'curve' | 'width' | 'height'>): { frame: Frame; strip: Rect } {
  const width = input.width ?? BASIN_STRIP_SIZE.width;
  const height = input.height ?? BASIN_STRIP_SIZE.height;
  const [lo, hi] = fRange(input.curve.f);
  const base = layoutFrame([input.range, [lo, hi]], { width, height, legendWidth: LEGEND_WIDTH, equalWithin: 0 });
  const { plot } = base;
  const bottom = plot.top + plot.height;
  const strip = { left: plot.left, top: bottom - STRIP.height, width: plot.width, height: STRIP.height };
  const y = scaleLinear().domain([lo, hi]).range([strip.top - STRIP.gap, plot.top]);
  return { frame: { ...base, y }, strip };
}

/**
 * The basin map of a 1-D function: the curve of f, each minimum marked on it, and under it a strip
 * in which every pixel column takes the colour of the start nearest to it (the basin that start
 * reached, or a grey when it reached none): where along the axis each basin draws its starts from.
 */
export function drawBasinStrip(ctx: Ctx, input: BasinStripInput): { frame: Frame; strip: Rect; colours: BasinColours } {
  const { frame, strip } = basinStripLayout(input);
  clearWhite(ctx, frame.width, frame.height);
  const { results, summary } = input;
  const colours = basinColours(summary.basins);
  drawStrip(ctx, frame, strip, results, startColours(results, summary, colours));
  drawCurve(ctx, frame, strip, input.curve);
  const resolution = Math.max(1e-6 * (frame.y.domain()[1] - frame.y.domain()[0]), 1e-7);
  drawMinimaOnCurve(ctx, frame, strip, summary, colours, resolution);
  drawAxes(ctx, frame, { x: input.name, y: 'f' });
  drawTitle(ctx, input.title, input.subtitle, frame.plot.left, frame.width - frame.plot.left - 16);
  const items = legendItems(summary, colours, undefined, { axes: [0], range: [input.range], names: [input.name], sliced: false }, resolution, false);
  items.push({ kind: 'gap' }, { kind: 'line', colour: '#333333', width: 2, text: `f(${input.name})` }, { kind: 'note', text: 'strip: the basin each start reached' });
  drawLegend(ctx, items, frame.legend);
  return { frame, strip, colours };
}

/** Each minimum marked where it sits on the curve (globals drawn last, on top), labelled with its f as on the 2-D map. */
function drawMinimaOnCurve(ctx: Ctx, frame: Frame, strip: Rect, summary: BasinSummary, colours: BasinColours, resolution: number): void {
  const area = { left: frame.plot.left, top: frame.plot.top, width: frame.plot.width, height: strip.top - frame.plot.top };
  const visible = summary.basins
    .filter((b) => !b.flat)
    .map((basin) => ({ basin, px: frame.x(basin.x[0]), py: frame.y(basin.f) }))
    .filter(({ px, py }) => px >= area.left && px <= area.left + area.width && py >= area.top && py <= area.top + area.height);
  for (const m of [...visible].sort((p, q) => Number(p.basin.global) - Number(q.basin.global))) drawMinimum(ctx, m.px, m.py, m.basin.global);
  const radius = (m: (typeof visible)[number]) => (m.basin.global ? MARKER_RADIUS.global : MARKER_RADIUS.local);
  const shown = new Set(colours.shown.map((b) => b.id));
  const requests = visible
    .filter((m) => shown.has(m.basin.id))
    .sort((p, q) => Number(q.basin.global) - Number(p.basin.global) || q.basin.count - p.basin.count || p.basin.id - q.basin.id)
    .map((m) => ({ x: m.px, y: m.py, text: formatValue(m.basin.f, resolution), bold: m.basin.global, clear: radius(m) }));
  drawLabels(ctx, requests, area, visible.map((m) => boxAround(m.px, m.py, radius(m))));
}

/** The start whose x0 is nearest to each pixel column's centre gives the column its colour. */
function drawStrip(ctx: Ctx, frame: Frame, strip: Rect, r: Pick<StartResults, 'n' | 'x0'>, colour: string[]): void {
  if (r.n === 0) return;
  const order = Array.from({ length: r.n }, (_, i) => i).sort((a, b) => r.x0[a] - r.x0[b]);
  const xs = order.map((i) => r.x0[i]);
  const columns = Math.round(strip.width);
  let k = 0;
  for (let c = 0; c < columns; c++) {
    const x = frame.x.invert(strip.left + c + 0.5);
    while (k + 1 < xs.length && Math.abs(xs[k + 1] - x) <= Math.abs(xs[k] - x)) k++;
    ctx.fillStyle = colour[order[k]];
    ctx.fillRect(strip.left + c, strip.top, 1, strip.height);
  }
  ctx.strokeStyle = 'rgba(0,0,0,0.45)';
  ctx.lineWidth = 1;
  ctx.strokeRect(strip.left + 0.5, strip.top + 0.5, strip.width - 1, strip.height - 1);
}

function drawCurve(ctx: Ctx, frame: Frame, strip: Rect, curve: BasinStripInput['curve']): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.plot.left, frame.plot.top, frame.plot.width, strip.top - frame.plot.top);
  ctx.clip();
  drawCurveLine(ctx, frame, curve);
  ctx.restore();
}

/** f's range over the curve, padded by 6% (a flat curve gets ±1). */
function fRange(f: Float32Array): [number, number] {
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of f) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (!(hi >= lo)) return [-1, 1];
  const pad = hi > lo ? 0.06 * (hi - lo) : 1;
  return [lo - pad, hi + pad];
}
