import type { Dtype } from '../../core/dtype.ts';
import type { DescentOptions } from '../../core/options.ts';
import { allocateResults, type StartResults } from '../../core/results.ts';
import { tf } from '../../core/tf.ts';
import { classifyBasins } from '../basins/classify.ts';
import { summarize } from '../basins/summarize.ts';
import type { BasinSummary } from '../basins/types.ts';
import { runStarts, type RunControl, type StartRows } from '../descent/driver.ts';
import { chooseEngine } from '../engines/choose.ts';
import { classifyLimitFor, DEFAULT_CLASSIFY_LIMIT } from '../map.ts';
import { paramGrid, type ParamAxis } from './axes.ts';
import { continuation, type Continuation } from './continuation.ts';
import type { ParamObjective } from './objective.ts';

export interface SweepRequest {
  objective: ParamObjective;
  axes: readonly ParamAxis[];
  /** Starts in the free variables: the same x0 for every parameter point. */
  starts: StartRows;
  /** Descent options for the free variables (box of d sides); the sweep adds the parameter columns. */
  descent: DescentOptions;
  dtype?: Dtype;
  engine?: string;
  control?: Partial<RunControl>;
  clusterDistance?: number;
  /** Distance under which minima at consecutive parameter values are one branch (default: see continuation.ts). */
  matchDistance?: number;
}

export interface SweepResult {
  /** Parameter points, [P][p], the grid's row-major order (last axis fastest). */
  points: number[][];
  /** Per point, the basins and outcomes of its n starts (free variables only). */
  summaries: BasinSummary[];
  /** Every (point, start) row: row k·n + i is start i at point k; d + p columns. */
  results: StartResults;
  continuation: Continuation;
  engine: { name: string; reason: string };
  seconds: { compile: number; descent: number; summary: number };
}

/**
 * A parameter sweep as one run: rows [x0, a] for every parameter point a and every start x0
 * descend together, chunk after chunk, on one compiled engine (descent.frozen keeps the
 * parameter columns fixed), then each point's starts are clustered and classified as a map
 * would, and the minima are followed from point to point (continuation.ts).
 */
export async function runParamSweep(req: SweepRequest): Promise<SweepResult> {
  const t0 = performance.now();
  const { objective, axes, starts } = req;
  const points = paramGrid(axes);
  const { d } = objective;
  const p = axes.length;
  const wideBox = objective.wide.box(d + p);
  const descent: DescentOptions = { ...req.descent, box: wideBox, frozen: p };
  const choice = await chooseEngine({ objective: objective.wide, d: d + p, descent, dtype: req.dtype ?? 'float32' }, req.engine ?? 'auto', { backend: tf.getBackend() });
  const t1 = performance.now();
  const results = await runStarts(choice.compiled, sweepRows(starts, points), descent.maxIter, req.control);
  const t2 = performance.now();
  const summaries: BasinSummary[] = [];
  for (let k = 0; k < points.length; k++) {
    const own = freeColumns(results, k * starts.n, starts.n, d);
    summaries.push(await classifyBasins(
      summarize(own, { box: req.descent.box, sense: req.descent.sense, distance: req.clusterDistance }),
      objective.at(points[k]),
      req.descent.box,
      classifyLimitFor(d, DEFAULT_CLASSIFY_LIMIT),
    ));
  }
  const t3 = performance.now();
  return {
    points,
    summaries,
    results,
    continuation: continuation(axes, points, summaries, { box: req.descent.box, distance: req.matchDistance }),
    engine: { name: choice.engine, reason: choice.reason },
    seconds: { compile: (t1 - t0) / 1000, descent: (t2 - t1) / 1000, summary: (t3 - t2) / 1000 },
  };
}

/** The (point, start) rows, built chunk by chunk: row k·n + i is [x0_i, a_k]. */
export function sweepRows(starts: StartRows, points: readonly number[][]): StartRows {
  const { n, d } = starts;
  const p = points[0]?.length ?? 0;
  const w = d + p;
  return {
    n: n * points.length,
    d: w,
    rows(from, count) {
      const out = new Float32Array(count * w);
      let r = 0;
      while (r < count) {
        const row = from + r;
        const k = Math.floor(row / n);
        const i = row % n;
        // The longest run of rows within one point: one read of the start set.
        const run = Math.min(count - r, n - i);
        const x0 = starts.rows(i, run);
        for (let q = 0; q < run; q++) {
          out.set(x0.subarray(q * d, (q + 1) * d), (r + q) * w);
          out.set(points[k], (r + q) * w + d);
        }
        r += run;
      }
      return out;
    },
  };
}

/** Rows [from, from + n) of the sweep's results, without the parameter columns. */
export function freeColumns(r: StartResults, from: number, n: number, d: number): StartResults {
  const out = allocateResults(n, d);
  const w = r.d;
  for (let i = 0; i < n; i++) {
    const src = (from + i) * w;
    out.x0.set(r.x0.subarray(src, src + d), i * d);
    out.x.set(r.x.subarray(src, src + d), i * d);
  }
  out.fun.set(r.fun.subarray(from, from + n));
  out.gradNorm.set(r.gradNorm.subarray(from, from + n));
  out.nit.set(r.nit.subarray(from, from + n));
  out.status.set(r.status.subarray(from, from + n));
  return out;
}
