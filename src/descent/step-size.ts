import type { Box } from '../../core/options.ts';
import type { OptimizerName } from '../../core/optimizers/index.ts';
import { largestCurvatures } from '../basins/curvature.ts';
import type { ObjectiveFn } from '../objectives/types.ts';
import type { StartRows } from './driver.ts';

/** What `--lr auto` (and mapBasins' lr: 'auto') asks for. */
export type LrRequest = number | 'auto';

/** The step size `auto` chose, and why: the run header prints `why`, summary.json records it all. */
export interface AutoStepSize {
  lr: number;
  rule: 'curvature' | 'box';
  why: string;
  /** The curvature rule's numbers (absent for the box rule). */
  curvature?: { L: number; percentile: number; samples: number; flat: number };
}

/** Starts the curvature is estimated at: enough for a stable 95th percentile, cheap next to any map. */
export const AUTO_SAMPLES = 256;
/**
 * α = c / L with L the 95th percentile over the sample of the largest |Hessian eigenvalue|.
 * gd is stable where α·λ < 2; c = 1 leaves that factor 2 of margin where the curvature is the
 * 95th percentile, and steps at the curvature of the minima (usually below it) stay monotone.
 * Measured over the library (benchmarks/lr-auto.ts, docs/lr-auto.md): c = 1 at p95 converges
 * as many starts as the hand-tuned suggestions or more on the functions gd can do at all.
 */
export const AUTO_CURVATURE = { c: 1, percentile: 95 } as const;
/**
 * Adaptive optimizers (adam, rmsprop, adagrad, nadam, lion) step about α per coordinate whatever
 * the gradient's size, so their α is a length: this fraction of the box's narrowest width.
 * Measured (docs/lr-auto.md): 1/100 of the width crosses the box in ~100 steps and settles to
 * gtol on the library's functions within the default 1000 iterations.
 */
export const AUTO_BOX_FRACTION = 0.01;
/** Optimizers whose step is lr × gradient (scaled by a momentum factor): the curvature rule applies. */
const CURVATURE_RULED: ReadonlySet<OptimizerName> = new Set(['gd', 'momentum', 'nesterov']);
/** The heavy ball's step is lr·g/(1−β) in a steady slope and stable for lr·λ < 2(1+β): halve again for margin. */
const MOMENTUM_FACTOR: Partial<Record<OptimizerName, (beta: number) => number>> = {
  momentum: (beta) => 1 - beta,
  nesterov: (beta) => 1 - beta,
};

export interface StepSizeProblem {
  f: ObjectiveFn;
  box: Box;
  starts: StartRows;
  optimizer: OptimizerName;
  /** The optimizer's momentum decay, where it has one. */
  beta?: number;
}

/**
 * The one definition of `lr auto`, used by the CLI and mapBasins before any engine runs, so every
 * engine descends with the same fixed α. Curvature rule (gd, momentum, nesterov): the largest
 * |eigenvalue| of the Hessian by batched Hessian-vector power iteration (tfjs, on the active
 * backend) at AUTO_SAMPLES starts spread evenly over the start set; α = c / (95th percentile).
 * Samples where f is flat to rounding say nothing about a stable step and are left out.
 * Box rule (adaptive optimizers): α = a fraction of the box's narrowest width.
 */
export async function autoStepSize(p: StepSizeProblem): Promise<AutoStepSize> {
  if (!CURVATURE_RULED.has(p.optimizer)) {
    const width = Math.min(...p.box.map(([lo, hi]) => hi - lo));
    const lr = round2(AUTO_BOX_FRACTION * width);
    return { lr, rule: 'box', why: `${AUTO_BOX_FRACTION} × the box's narrowest width ${fmt(width)}: ${p.optimizer} steps about lr per coordinate` };
  }
  const points = sampleRows(p.starts, AUTO_SAMPLES);
  const d = p.starts.d;
  const curved = curvedOnly(await largestCurvatures(p.f, points, d));
  const factor = MOMENTUM_FACTOR[p.optimizer]?.(p.beta ?? 0.9) ?? 1;
  const momentumNote = factor === 1 ? '' : ` × (1 − β) = ${fmt(factor)} for ${p.optimizer}`;
  if (curved.length > 0) {
    return curvatureRule(curved, points.length / d, factor, momentumNote, '');
  }
  const width = Math.min(...p.box.map(([lo, hi]) => hi - lo));
  const lr = round2(AUTO_BOX_FRACTION * width * factor);
  return { lr, rule: 'box', why: `f is flat at all ${points.length / d} sampled starts, so no curvature bounds the step: ${AUTO_BOX_FRACTION} × the box's narrowest width${momentumNote}` };
}

function curvatureRule(curved: number[], samples: number, factor: number, momentumNote: string, where: string): AutoStepSize {
  const { c, percentile } = AUTO_CURVATURE;
  const Lp = percentileOf(curved, percentile);
  const lr = round2((c / Lp) * factor);
  const flat = samples - curved.length;
  const flatNote = flat > 0 ? `; ${flat} flat or diverged left out` : '';
  return {
    lr,
    rule: 'curvature',
    why: `${c === 1 ? '' : `${c}/`}1/L${momentumNote}, L = ${fmt(Lp)} = ${percentile}th percentile of the largest Hessian eigenvalue at ${curved.length} starts${where}${flatNote}`,
    curvature: { L: Lp, percentile, samples, flat },
  };
}

/** The finite curvatures above float32 noise (~1e-6 of the largest), ascending: flat samples say nothing about a stable step. */
function curvedOnly(L: Float64Array): number[] {
  const finite = [...L].filter(Number.isFinite);
  const top = Math.max(0, ...finite);
  return finite.filter((v) => v > 1e-6 * top).sort((a, b) => a - b);
}

function percentileOf(ascending: number[], p: number): number {
  return ascending[Math.min(ascending.length - 1, Math.floor((p / 100) * ascending.length))];
}

/** m rows spread evenly over the start set (all of them when there are fewer): deterministic, and drawn from the run's own sampler. */
export function sampleRows(starts: StartRows, m: number): Float32Array {
  const d = starts.d;
  const take = Math.min(m, starts.n);
  const out = new Float32Array(take * d);
  for (let k = 0; k < take; k++) {
    const i = Math.floor(((k + 0.5) * starts.n) / take);
    out.set(starts.rows(i, 1), k * d);
  }
  return out;
}

/** Two significant digits: the run header and a rerun with --lr read the same number. */
function round2(x: number): number {
  return Number(x.toPrecision(2));
}

const fmt = (x: number) => String(Number(x.toPrecision(3)));
