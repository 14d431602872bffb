import type { Basin, BasinSummary } from '../basins/types.ts';
import type { StartResults } from '../../core/results.ts';
import { drawAxes } from './axes.ts';
import { basinColours, type BasinColours } from './basin-colours.ts';
import { clearWhite, drawTitle, type Ctx, type PaintPixels } from './draw.ts';
import { strokeContours, CONTOUR_STYLE } from './contour-layer.ts';
import { contourLevels, contourLines, type ContourLevels } from './contours.ts';
import type { Field } from './field.ts';
import { formatFixed, formatPercent, formatValue } from './format.ts';
import { layoutFrame, type Frame } from './frame.ts';
import { boxAround, drawLabels, type LabelRequest } from './labels.ts';
import { drawLegend, type LegendItem } from './legend.ts';
import { drawMinimum, drawSaddle, MARKER_RADIUS } from './markers.ts';
import { DIVERGED_COLOUR, FLAT_COLOUR, NOT_CONVERGED_COLOUR, OTHERS_COLOUR } from './palette.ts';
import { axisName, type Plane } from './plane.ts';
import { shadeByIterations } from './shade.ts';
import { drawStarts, startColours } from './starts-layer.ts';

export interface BasinMapInput {
  /** The starts (only their starting points are drawn). */
  results: Pick<StartResults, 'n' | 'd' | 'x0'>;
  summary: BasinSummary;
  /** The two axes shown and their ranges (the whole box for d = 2, a slice above). */
  plane: Plane;
  /** f over the plane, for contour lines; none are drawn without it. */
  field?: Field;
  /** Iterations per start: each start's colour is lightened by them (lighter = slower, shade.ts). */
  shadeNit?: Int32Array;
  title: string;
  subtitle?: string;
  /** Saddles between the minima (map --saddles), drawn as ×. */
  saddles?: readonly { x: readonly number[] }[];
  width?: number;
  height?: number;
}

export const BASIN_MAP_SIZE = { width: 900, height: 800 } as const;
const LEGEND_WIDTH = 240;
const CONTOUR_COUNT = 15;

/** The layout drawBasinMap uses for this input: where a point of the plane lands in pixels. */
export function basinMapFrame(input: Pick<BasinMapInput, 'plane' | 'width' | 'height'>): Frame {
  const { width, height } = { ...BASIN_MAP_SIZE, ...definedSize(input) };
  return layoutFrame(input.plane.range, { width, height, legendWidth: LEGEND_WIDTH });
}

/** The colours drawBasinMap gives the basins of this summary. */
export function basinMapColours(summary: BasinSummary): BasinColours {
  return basinColours(summary.basins);
}

/**
 * The basin map on a canvas of the frame's size: every start in the colour of the basin it
 * reached (greys when it reached none), contour lines of f on top, each minimum marked and
 * labelled with its f, axes, title and a legend of basin shares. basin-map.png is this picture
 * (basin-map-png.ts); the explore page draws it on its own canvas. Returns the layout and the
 * colours, for whatever is drawn on top.
 */
export function drawBasinMap(ctx: Ctx, input: BasinMapInput, paint: PaintPixels): { frame: Frame; colours: BasinColours } {
  const frame = basinMapFrame(input);
  clearWhite(ctx, frame.width, frame.height);
  const { results, summary, plane } = input;
  const colours = basinMapColours(summary);

  const plain = startColours(results, summary, colours);
  const perStart = input.shadeNit ? shadeByIterations(plain, summary.outcome, input.shadeNit) : plain;
  const merged = (id: number) => colours.colourOf[id] === OTHERS_COLOUR;
  const grid = drawStarts(ctx, frame, results, plane.axes, perStart, summary.outcome, merged, paint);

  let levels: ContourLevels | undefined;
  if (input.field) {
    levels = contourLevels(input.field.values, CONTOUR_COUNT);
    strokeContours(ctx, frame, contourLines(input.field, levels.levels));
  }

  const resolution = labelResolution(input);
  drawMinima(ctx, frame, colours, summary.basins, plane, resolution);
  drawSaddles(ctx, frame, input.saddles ?? [], plane);
  drawAxes(ctx, frame, { x: axisName(plane.axes[0], plane.names), y: axisName(plane.axes[1], plane.names) });
  drawTitle(ctx, input.title, input.subtitle, frame.plot.left, frame.width - frame.plot.left - 16);
  const items = legendItems(summary, colours, levels, legendView(plane), resolution, grid !== undefined, !!input.shadeNit);
  if (input.saddles) {
    // Beside the minimum markers: after the last of them.
    const after = items.map((it) => it.kind).lastIndexOf('marker') + 1;
    items.splice(after || items.length, 0, { kind: 'saddle', text: `saddle (${input.saddles.length})` });
  }
  drawLegend(ctx, items, frame.legend);
  return { frame, colours };
}

/** Saddles inside the plot, as ×, over the minima (a saddle is never hidden under a star). */
function drawSaddles(ctx: Ctx, frame: Frame, saddles: NonNullable<BasinMapInput['saddles']>, plane: Plane): void {
  const { plot, x, y } = frame;
  for (const s of saddles) {
    const [px, py] = [x(s.x[plane.axes[0]]), y(s.x[plane.axes[1]])];
    if (px >= plot.left && px <= plot.left + plot.width && py >= plot.top && py <= plot.top + plot.height) drawSaddle(ctx, px, py);
  }
}

function definedSize(o: { width?: number; height?: number }): { width?: number; height?: number } {
  return Object.fromEntries(Object.entries({ width: o.width, height: o.height }).filter(([, v]) => v !== undefined));
}

/** Rounding of f labels: a millionth of f's range in the picture (or of the minima's own spread). */
function labelResolution(input: BasinMapInput): number {
  const fs = input.field ? Array.from(input.field.values).filter(Number.isFinite) : input.summary.basins.map((b) => b.f);
  if (fs.length === 0) return 1e-6;
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of fs) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  return Math.max(1e-6 * (hi - lo), 1e-7);
}

/**
 * Markers first (all of them, so that no label hides one), then labels for the basins that have
 * a colour of their own, in order of importance: global minima, then the basins that hold the most
 * starts. Merged basins get no label: a hundred labels on a Rastrigin map would be a texture.
 */
function drawMinima(ctx: Ctx, frame: Frame, colours: BasinColours, basins: readonly Basin[], plane: Plane, resolution: number): void {
  const { plot, x, y } = frame;
  const [a, b] = plane.axes;
  const inPlot = (px: number, py: number) => px >= plot.left && px <= plot.left + plot.width && py >= plot.top && py <= plot.top + plot.height;
  // Plateau end points are where starts stopped, not minima: the flat region's colour shows them.
  const visible = basins.filter((basin) => !basin.flat).map((basin) => ({ basin, px: x(basin.x[a]), py: y(basin.x[b]) })).filter(({ px, py }) => inPlot(px, py));
  // Locals under globals: a star must never be covered.
  const drawOrder = [...visible].sort((p, q) => Number(p.basin.global) - Number(q.basin.global));
  for (const m of drawOrder) drawMinimum(ctx, m.px, m.py, m.basin.global);
  const radius = (m: (typeof visible)[number]) => (m.basin.global ? MARKER_RADIUS.global : MARKER_RADIUS.local);
  const obstacles = visible.map((m) => boxAround(m.px, m.py, radius(m)));
  const shown = new Set(colours.shown.map((s) => s.id));
  const requests: LabelRequest[] = visible
    .filter((m) => shown.has(m.basin.id))
    .sort((p, q) => Number(q.basin.global) - Number(p.basin.global) || q.basin.count - p.basin.count || p.basin.id - q.basin.id)
    .map((m) => ({ x: m.px, y: m.py, text: formatValue(m.basin.f, resolution), bold: m.basin.global, clear: radius(m) }));
  drawLabels(ctx, requests, plot, obstacles);
}

/** What the legend says of the picture's axes: which coordinates it shows, over what ranges, by what names. */
export interface LegendView {
  axes: readonly number[];
  range: readonly (readonly [number, number])[];
  names?: readonly string[];
  /** The picture is a slice of a higher-dimensional box (minima are projected onto it). */
  sliced: boolean;
}

export function legendView(plane: Plane): LegendView {
  return { axes: plane.axes, range: plane.range, names: plane.names, sliced: plane.d > 2 };
}

/** The legend's rows: a swatch for each basin with a colour of its own, then "+ N more", the flat region, the greys, the markers. */
export function legendItems(s: BasinSummary, colours: BasinColours, levels: ContourLevels | undefined, plane: LegendView, resolution: number, edges: boolean, shaded = false): LegendItem[] {
  const listed = s.basins.length - (colours.flat?.endPoints ?? 0);
  const names = plane.axes.map((j) => axisName(j, plane.names));
  const items: LegendItem[] = [{ kind: 'heading', text: `${listed} ${listed === 1 ? 'basin' : 'basins'}: f at ${names.length === 1 ? names[0] : `(${names.join(', ')})`}`, right: 'starts' }];
  // Two decimals on a box 10 wide: enough to tell minima apart, short enough for the column.
  const step = Math.max(...plane.range.map(([lo, hi]) => hi - lo)) / 500;
  for (const b of colours.shown) {
    const at = plane.axes.map((j) => formatFixed(b.x[j], step)).join(', ');
    items.push({ kind: 'swatch', colour: colours.colourOf[b.id], text: `${formatValue(b.f, resolution)}  (${at})`, bold: b.global, right: formatPercent(b.fraction) });
  }
  if (colours.others) {
    const { basins: more, fraction } = colours.others;
    // Their share of the starts stands in the "starts" column, as every row's does (the text would be cut).
    items.push({ kind: 'swatch', colour: OTHERS_COLOUR, text: `+ ${more} more ${more === 1 ? 'basin' : 'basins'}`, right: formatPercent(fraction) });
  }
  if (colours.flat) {
    const { endPoints, fraction } = colours.flat;
    items.push({ kind: 'swatch', colour: FLAT_COLOUR, text: `flat: ${endPoints.toLocaleString('en')} end ${endPoints === 1 ? 'point' : 'points'}`, right: formatPercent(fraction) });
  }
  const { maxiter, interrupted, diverged } = s.counts;
  items.push({ kind: 'swatch', colour: NOT_CONVERGED_COLOUR, text: 'not converged', right: formatPercent((maxiter + interrupted) / s.n) });
  items.push({ kind: 'swatch', colour: DIVERGED_COLOUR, text: 'diverged', right: formatPercent(diverged / s.n) });
  if (shaded) {
    items.push({ kind: 'note', text: 'lighter = more iterations (log scale,' });
    items.push({ kind: 'note', text: 'each basin from its fewest to most)' });
  }
  items.push({ kind: 'gap' });
  const what = s.sense === 'min' ? 'minimum' : 'maximum';
  if (s.basins.some((b) => b.global)) items.push({ kind: 'marker', global: true, text: `global ${what}` });
  if (s.basins.some((b) => !b.global && !b.flat)) items.push({ kind: 'marker', global: false, text: s.knownGlobal?.reached === false ? `${what} (known global one not reached)` : `local ${what}` });
  if (s.basins.length > 0) items.push({ kind: 'note', text: `labels: f at the ${what}` });
  if (colours.others && edges) items.push({ kind: 'note', text: 'thin lines: edges of merged basins' });
  if (plane.sliced) items.push({ kind: 'note', text: `${s.sense === 'min' ? 'minima' : 'maxima'} projected onto the slice` });
  if (levels && levels.levels.length > 0) {
    items.push({ kind: 'gap' });
    items.push({ kind: 'line', colour: CONTOUR_STYLE.colour, width: 1.6, text: `f: ${levels.levels.length} contour levels` });
    items.push({ kind: 'note', text: levels.log ? 'log-spaced above the lowest f' : 'evenly spaced' });
  }
  return items;
}
