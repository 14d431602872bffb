import type { Dtype } from '../core/dtype.ts';
import type { DescentOptions } from '../core/options.ts';
import type { StartResults } from '../core/results.ts';
import { tf } from '../core/tf.ts';
import { classifyBasins } from './basins/classify.ts';
import { summarize } from './basins/summarize.ts';
import type { BasinSummary } from './basins/types.ts';
import { chunkRowsFor, runStarts, type RunControl, type StartRows } from './descent/driver.ts';
import { resumeStarts } from './descent/resume.ts';
import { settleLineSearch } from './descent/line-search-policy.ts';
import { autoStepSize, type AutoStepSize, type LrRequest } from './descent/step-size.ts';
import { chooseEngine, type EngineChoice } from './engines/choose.ts';
import type { Objective } from './objectives/types.ts';
import { areaWeighted, refineMap, type RefineRequest, type Refinement } from './refine/refine.ts';

export interface MapRequest {
  objective: Objective;
  starts: StartRows;
  descent: DescentOptions;
  /** Default float32; float64 needs a CPU kernel engine. */
  dtype?: Dtype;
  /**
   * Which engine descends: a registry name, 'fused' (the backend's fused kernel), 'auto' (the
   * default: the fastest engine that compiles the objective here, see engines/choose.ts), or a
   * choice already made with chooseEngine.
   */
  engine?: string | EngineChoice;
  control?: Partial<RunControl>;
  /** Clustering distance; default from the box (see basins/tolerances.ts). */
  clusterDistance?: number;
  /** Classify at most this many basins (best first) by their Hessian; 0 turns it off. */
  classifyLimit?: number;
  /** Results of an interrupted run of these starts: only the starts it did not finish run again (resume). */
  previous?: StartResults;
  /**
   * Overrides descent.optimizer.lr: a number, or 'auto' (descent/step-size.ts): α from the
   * curvature at a sample of these starts (gd, momentum, nesterov) or from the box (adaptive
   * optimizers), settled before any engine runs. MapResult.stepSize says what it chose and why.
   */
  lr?: LrRequest;
  /** A 2-D grid map only: re-descend the cells on basin boundaries at 2× resolution, this many rounds (refine/). */
  refine?: RefineRequest;
}

/** Hessians cost d reverse passes over the basins: beyond this many, the rest stay unclassified. */
export const DEFAULT_CLASSIFY_LIMIT = 10_000;

/**
 * Hessian entries (basins × d²) a map classifies at most: 5e7 float32 values, 200 MB. A
 * 10,000-D map would otherwise need d² = 1e8 entries for each basin.
 */
export const CLASSIFY_ENTRIES = 5e7;
/**
 * Above this dimension no basin is classified: the Hessian takes d nested reverse passes of tfjs
 * (measured at d = 1000 on wasm: 150 s for one basin on a loaded 2-core machine).
 */
export const MAX_CLASSIFY_DIM = 128;

/** How many of the best basins get classified by their Hessian in d dimensions. */
export function classifyLimitFor(d: number, asked = DEFAULT_CLASSIFY_LIMIT): number {
  return d > MAX_CLASSIFY_DIM ? 0 : Math.min(asked, Math.floor(CLASSIFY_ENTRIES / (d * d)));
}

export interface MapResult {
  results: StartResults;
  summary: BasinSummary;
  /** The engine that ran, and why that one. */
  engine: { name: string; reason: string };
  /** Rows per chunk the descent ran in: control.chunkRows, else the engine's preference, else the driver's default. */
  chunkRows: number;
  /** Wall time of compiling, of the descent, and of the clustering and classification. */
  seconds: { compile: number; descent: number; summary: number; refine?: number };
  /** The descent that ran (its lr settled when lr was 'auto'). */
  descent: DescentOptions;
  /** What lr 'auto' chose, and why; absent when lr was given. */
  stepSize?: AutoStepSize;
  /**
   * With `refine`: the quadtree (its finest raster of leaf owners) and what each round did.
   * `results` then holds the coarse starts and then each round's; basin fractions are by area.
   */
  refined?: Omit<Refinement, 'results'>;
}

/** The request's descent with its lr settled: lr 'auto' estimated here, before any engine runs. */
export async function settleDescent(req: Pick<MapRequest, 'objective' | 'starts' | 'descent' | 'lr'>): Promise<{ descent: DescentOptions; stepSize?: AutoStepSize }> {
  if (req.lr === undefined) return { descent: req.descent };
  const o = req.descent.optimizer;
  const stepSize = req.lr === 'auto' ? await autoStepSize({ f: req.objective.f, box: req.descent.box, starts: req.starts, optimizer: o.name, beta: o.beta }) : undefined;
  return { descent: { ...req.descent, optimizer: settleLineSearch({ ...o, lr: stepSize?.lr ?? (req.lr as number) }, stepSize !== undefined) }, stepSize };
}

/**
 * The main job: descend every start on the chosen engine, then group the end points into basins,
 * classify them by their Hessian and decide each start's outcome. Runs on the active tfjs backend.
 */
export async function mapBasins(req: MapRequest): Promise<MapResult> {
  const t0 = performance.now();
  const d = req.starts.d;
  const { descent, stepSize } = await settleDescent(req);
  req = { ...req, descent };
  const choice = typeof req.engine === 'object'
    ? req.engine
    : await chooseEngine({ objective: req.objective, d, descent: req.descent, dtype: req.dtype ?? 'float32' }, req.engine ?? 'auto', { backend: tf.getBackend() });
  const t1 = performance.now();
  if (req.refine && req.previous) throw new RangeError('mapBasins: refine cannot resume an interrupted run');
  const coarse = req.previous
    ? await resumeStarts(choice.compiled, req.starts, req.previous, req.descent.maxIter, req.control)
    : await runStarts(choice.compiled, req.starts, req.descent.maxIter, req.control);
  const t2 = performance.now();
  const clusterOpts = { box: req.descent.box, sense: req.descent.sense, distance: req.clusterDistance };
  const refinement = req.refine && (await refineMap(choice.compiled, coarse, req.refine, req.descent.maxIter, (r) => summarize(r, clusterOpts).outcome, req.control));
  const results = refinement?.results ?? coarse;
  const t2r = performance.now();
  const classified = await classifyBasins(
    summarize(results, clusterOpts),
    req.objective.f,
    req.descent.box,
    classifyLimitFor(d, req.classifyLimit ?? DEFAULT_CLASSIFY_LIMIT),
    req.objective.known(d),
  );
  const summary = refinement ? areaWeighted(classified, refinement.field) : classified;
  const t3 = performance.now();
  return {
    results,
    summary,
    engine: { name: choice.engine, reason: choice.reason },
    chunkRows: chunkRowsFor(choice.compiled, d, req.control?.chunkRows),
    seconds: { compile: (t1 - t0) / 1000, descent: (t2 - t1) / 1000, summary: (t3 - t2r) / 1000, ...(refinement ? { refine: (t2r - t2) / 1000 } : {}) },
    descent,
    stepSize,
    ...(refinement ? { refined: { grid: refinement.grid, field: refinement.field, rounds: refinement.rounds } } : {}),
  };
}
