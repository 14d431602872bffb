import type { DescentOptions } from '../src/descent/options.ts';

/**
 * The fused semantics every engine (reference tfjs, wasm SIMD, WGSL) implements, step for step;
 * it is src/descent/run.ts's with a check at every iteration (checkEvery = 1). At iteration t
 * (t updates done), for each running start at x_t:
 *   g    = ∇ of the descended objective (−f under sense 'max') at x_t, f = the user's f(x_t)
 *   step = the optimizer's step (src/optimizers: c·(−lr) with c its direction), x' = x_t + step,
 *          projected into the box under bounds 'clip'
 *   gn   = ‖g‖ (under 'clip': of g with the components pushing against an active bound zeroed)
 *   sn   = ‖step‖ (under 'clip': ‖x' − x_t‖)
 * and the first that holds of
 *   1. f, gn or some x_j non-finite                          → nonfinite
 *   2. |x_j − centre_j| > divergeRadius·halfwidth_j, some j  → escaped
 *   3. gn ≤ gtol                                             → gtol
 *   4. sn² ≤ xtol² + (eps·‖x_t‖)², eps of the dtype          → xtol (a step the dtype cannot
 *      resolve at x_t cannot move it); xtol = 0 turns this test off, floor included
 *   5. t = maxIter                                           → maxiter
 * ends the start with x = x_t, fun = f, gradNorm = gn, nit = t; the step is then discarded.
 * Otherwise x_(t+1) = x' and the optimizer state advances. One evaluation per iteration; a run
 * costs nit + 1. A finished start is frozen: later steps leave all its values unchanged.
 *
 * f enters a step only through test 1. Where every axis has a finite escape radius and interval
 * arithmetic proves f finite on the whole escape box (ad/slice.ts finiteOnBox), "x inside the box"
 * implies "f finite", so the fused engines leave f out of their steps and evaluate it only where a
 * start finishes: the same statuses, nit, fun, bit for bit. Otherwise f is evaluated every step.
 *
 * RUNNING is the in-engine status of a start that has not finished (never reported).
 */
export const RUNNING = -1;

/** Steps beyond this would make nit inexact in a float32 lane. */
export const MAX_ITER_LIMIT = 1 << 24;

export function checkOptions(opts: DescentOptions, d: number): void {
  if (opts.box.length !== d) throw new RangeError(`box has ${opts.box.length} intervals for dimension ${d}`);
  if (!Number.isInteger(opts.maxIter) || opts.maxIter < 0 || opts.maxIter > MAX_ITER_LIMIT) {
    throw new RangeError(`maxIter must be an integer in [0, ${MAX_ITER_LIMIT}], got ${opts.maxIter}`);
  }
}

/** Centre and escape radius (divergeRadius half-widths) per axis, computed as run.ts does. */
export function escapeGeometry(opts: DescentOptions): { centre: number[]; radius: number[] } {
  return {
    centre: opts.box.map(([lo, hi]) => (lo + hi) / 2),
    radius: opts.box.map(([lo, hi]) => ((hi - lo) / 2) * opts.divergeRadius),
  };
}

/**
 * Adam's bias corrections for the step formed at iteration t (the (t+1)-th step):
 * [1 − β1^(t+1), 1 − β2^(t+1)], in float64 as src/optimizers computes them, so every engine divides
 * by the same numbers (a running product in float32 would drift from them by a few ulps).
 */
export function adamCorrections(beta1: number, beta2: number, maxIter: number): Float64Array {
  const out = new Float64Array(2 * (maxIter + 1));
  for (let t = 0; t <= maxIter; t++) {
    out[2 * t] = 1 - beta1 ** (t + 1);
    out[2 * t + 1] = 1 - beta2 ** (t + 1);
  }
  return out;
}

/** Per-coordinate optimizer state vectors each optimizer keeps (v; m and s; or s). */
export function stateVectors(name: DescentOptions['optimizer']['name']): number {
  switch (name) {
    case 'gd': return 0;
    case 'momentum': case 'nesterov': case 'rmsprop': case 'adagrad': return 1;
    case 'adam': return 2;
  }
}

/**
 * The fields of one start's record, in order, shared by every engine's memory layout:
 * x[0..d), the optimizer's state vectors (d each), xOut[0..d), fun, gradNorm, nit, status.
 * x is the working point; xOut, fun, gradNorm, nit and status are written when the start ends.
 */
export interface RecordFields {
  d: number;
  nState: number;
  /** Number of fields (columns) in a record. */
  columns: number;
  x: number;
  state: number;
  xOut: number;
  fun: number;
  gradNorm: number;
  nit: number;
  status: number;
}

export function recordFields(d: number, nState: number): RecordFields {
  const xOut = d * (1 + nState);
  const fun = xOut + d;
  return { d, nState, columns: fun + 4, x: 0, state: d, xOut, fun, gradNorm: fun + 1, nit: fun + 2, status: fun + 3 };
}
