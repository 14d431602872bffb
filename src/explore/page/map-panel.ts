import { optimizerLabel } from '../../../core/optimizers/index.ts';
import {
  DESCENT_DEFAULTS, STATUS, basinLabel, basinMapInput, drawBasinMap, drawPaths, formatNumber, formatPercent, formatValue, mapBasins, planeOf, resolveNamedObjective,
  sampleStarts, startSpecFromArgs, tracePaths, withDimensionAndBox, withSuggestion, descentFromArgs, settleLr,
  type BasinColours, type Ctx, type DescentOptions, type Frame, type MapResult, type Objective,
} from '../../browser.ts';
import { at, element, FieldError, optionalNumber } from './fields.ts';
import { hook } from './hook.ts';
import { paintPixels } from './paint.ts';
import { drawStrip } from './strip.ts';
import type { PageState } from './url-state.ts';

// The square plot of a square box fills the height: 62 px of titles, 558 of plot, 50 of axis.
const SIZE = { width: 900, height: 680 };

/** What a click on the map needs: the descent, the layout and the picture under the path. */
let shown: { objective: Objective; descent: DescentOptions; frame: Frame; under: ImageData } | undefined;

const objectiveField = (message: string) => (/--box|\bbox\b/.test(message) ? 'map-box' : 'map-f');
const descentField = (message: string) => (/learning rate|--lr/.test(message) ? 'map-lr' : /--max-iter/.test(message) ? 'map-iters' : 'map-f');
const startsField = (message: string) => (/--grid/.test(message) ? 'map-grid' : /seed/.test(message) ? 'map-seed' : 'map-n');

/**
 * Panel 2: `basinmap map` in the page. The CLI's defaults and checks (descentFromArgs,
 * startSpecFromArgs), its samplers, mapBasins on the running backend, and basin-map.png's own
 * picture, drawn on the page's canvas; a 1-D function gets a strip of starts instead.
 */
export async function runMap(s: PageState['map']): Promise<MapResult> {
  shown = undefined;
  const boxText = s.box === '' ? undefined : s.box;
  const named = at(objectiveField, () => resolveNamedObjective({ fn: s.f, box: boxText }));
  const { objective, d, box } = named.objective.dim === 'any' && named.d !== 2 ? at(objectiveField, () => withDimensionAndBox(named.objective, { dim: 2, box: boxText })) : named;
  if (d > 2) throw new FieldError('map-f', `the page maps 1-D and 2-D functions; ${objective.title} is ${d}-dimensional: map a slice with basinmap map --slice`);
  const given = withSuggestion({ optimizer: s.optimizer || undefined, lr: optionalNumber(s.lr), maxIter: optionalNumber(s.iters) }, objective.suggested);
  const descentArgs = { optimizer: s.optimizer || undefined, maximize: false, bounds: 'free', gtol: DESCENT_DEFAULTS.gtol, xtol: DESCENT_DEFAULTS.xtol, divergeRadius: DESCENT_DEFAULTS.divergeRadius } as const;
  at(descentField, () => descentFromArgs(descentArgs, box, given.lr === 'auto' ? { ...given, lr: 1 } : given));
  const starts = at(startsField, () => {
    const spec = startSpecFromArgs({ sampler: s.sampler, grid: s.sampler === 'grid' && s.grid !== '' ? s.grid : undefined, n: optionalNumber(s.n), seed: optionalNumber(s.seed) ?? 0 }, d);
    return sampleStarts(spec, box);
  });
  // lr auto, as map settles it (cli/options/descent.ts), from these starts.
  const settled = await settleLr(given, {}, { f: objective.f, box, starts });
  const descent = at(descentField, () => descentFromArgs(descentArgs, box, settled));
  const t0 = performance.now();
  const result = await mapBasins({ objective, starts, descent });
  const ms = performance.now() - t0;
  hook.map = { basins: result.summary.basins.map((b) => ({ x: b.x, f: b.f, count: b.count, fraction: b.fraction, global: b.global, kind: b.kind ?? null })), ms };

  const canvas = element<HTMLCanvasElement>('map-canvas');
  const ctx = canvas.getContext('2d')!;
  let colours: BasinColours;
  if (d === 2) {
    [canvas.width, canvas.height] = [SIZE.width, SIZE.height];
    const input = await basinMapInput({ objective, result, plane: planeOf(box), descent, starts: starts.describe, size: SIZE });
    const drawn = drawBasinMap(ctx as Ctx, input, paintPixels);
    colours = drawn.colours;
    shown = { objective, descent, frame: drawn.frame, under: ctx.getImageData(0, 0, canvas.width, canvas.height) };
  } else {
    colours = await drawStrip(canvas, objective, result, descent, starts.describe);
  }
  element('map-click').textContent = d === 2 ? 'click the map to trace that start' : '';
  const o = descent.optimizer;
  element('map-timing').textContent =
    `${starts.describe}; ${optimizerLabel(o)}, max ${descent.maxIter} iterations: ${(ms / 1000).toFixed(2)} s ` +
    `(compile ${result.seconds.compile.toFixed(2)} s, descent ${result.seconds.descent.toFixed(2)} s, basins ${result.seconds.summary.toFixed(2)} s); engine ${result.engine.name}`;
  basinTable(result, colours);
  return result;
}

/** The legend as a table: every basin with its colour, where and what it is, and its share. */
function basinTable(result: MapResult, colours: BasinColours): void {
  const s = result.summary;
  const resolution = Math.max(1e-7, 1e-6 * Math.max(1e-12, ...s.basins.map((b) => Math.abs(b.f))));
  const rows = s.basins.slice(0, 40).map((b) => {
    const tr = document.createElement('tr');
    const cells = [
      '',
      `${basinLabel(b.id)}${b.global ? ' ★' : ''}`,
      `(${b.x.map(formatNumber).join(', ')})`,
      formatValue(b.f, resolution),
      b.kind ?? 'not classified',
      b.count.toLocaleString('en'),
      formatPercent(b.fraction),
    ];
    for (const c of cells) tr.insertCell().textContent = c;
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colours.colourOf[b.id];
    tr.cells[0].append(swatch);
    if (b.global) tr.classList.add('global');
    return tr;
  });
  element('map-basins').replaceChildren(...rows);
  const { converged, maxiter, diverged, interrupted } = s.counts;
  element('map-counts').textContent =
    `${s.basins.length} distinct end points (★ = global); converged ${converged.toLocaleString('en')}, max iterations ${(maxiter + interrupted).toLocaleString('en')}, diverged ${diverged.toLocaleString('en')}` +
    (s.basins.length > 40 ? `; the table lists the best 40` : '');
}

/** A click on the map traces that start over the picture (the same rule as the map's). */
export async function traceClick(event: MouseEvent): Promise<void> {
  if (!shown) return;
  const canvas = element<HTMLCanvasElement>('map-canvas');
  const rect = canvas.getBoundingClientRect();
  const px = ((event.clientX - rect.left) * canvas.width) / rect.width;
  const py = ((event.clientY - rect.top) * canvas.height) / rect.height;
  const { plot, x, y } = shown.frame;
  if (px < plot.left || px > plot.left + plot.width || py < plot.top || py > plot.top + plot.height) return;
  const start = [x.invert(px), y.invert(py)];
  const paths = await tracePaths(shown.objective, [start], shown.descent);
  const ctx = canvas.getContext('2d')!;
  ctx.putImageData(shown.under, 0, 0);
  drawPaths(ctx as Ctx, shown.frame, paths, 2);
  const last = paths.x[0].length - 1;
  const end = paths.x[0][last];
  hook.trace = [{ x0: paths.x[0][0], x: end, nit: last, status: paths.stop[0] }];
  element('map-click').textContent =
    `from (${start.map(formatNumber).join(', ')}): ${last} steps to (${end.map(formatNumber).join(', ')}), f = ${formatNumber(paths.f[0][last])}, ${STATUS[paths.stop[0]].short}`;
}
