import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../tf.ts';
import type { ObjectiveFn } from '../objectives/types.ts';
import { makeOptimizer, type OptimizerSpec } from '../optimizers/index.ts';
import { tensorsOf, type StateTree } from '../optimizers/tree.ts';
import { DESCENT_DEFAULTS } from './options.ts';

export type TraceStop = 'gtol' | 'xtol' | 'nonfinite' | 'maxiter';

export interface TraceOptions {
  /** A path stops once ‖∇f‖ ≤ gtol (default as in map). */
  gtol?: number;
  /** A path stops once a step is ≤ xtol long (default as in map). */
  xtol?: number;
  /** 'max' ascends (steps along −∇(−f)); f is still reported as the user's f. */
  sense?: 'min' | 'max';
}

export interface TracePaths {
  /** x[k][t]: where path k is after t steps (t = 0 is its start), for every step it took. */
  x: number[][][];
  /** f at those points. */
  f: number[][];
  /** ‖∇f‖ at those points. */
  gradNorm: number[][];
  /** Why each path ended; a path ends at the first point where one of the rules holds. */
  stop: TraceStop[];
}

/**
 * Every iterate of a few descents, for showing how the ball rolls. The same optimizer and the
 * same stopping rules as `descend` (gtol, xtol, non-finite, iteration limit), on one batch of the
 * starts, with a readback at every step: fine for a handful of points, too slow for a map.
 */
export async function tracePaths(f: ObjectiveFn, x0s: number[][], d: number, optimizer: OptimizerSpec, iters: number, opts: TraceOptions = {}): Promise<TracePaths> {
  const m = x0s.length;
  if (x0s.some((p) => p.length !== d)) throw new RangeError(`every start needs ${d} coordinates`);
  if (!(Number.isInteger(iters) && iters >= 0)) throw new RangeError(`iters must be a whole number ≥ 0, got ${iters}`);
  const gtol = opts.gtol ?? DESCENT_DEFAULTS.gtol;
  const xtol = opts.xtol ?? DESCENT_DEFAULTS.xtol;
  const rule = makeOptimizer(optimizer);
  const descended: ObjectiveFn = opts.sense === 'max' ? (x) => tf.neg(f(x)) : f;
  const gradOf = tf.grad((x: Tensor) => tf.sum(descended(x as Tensor2D)));

  const out: TracePaths = { x: x0s.map(() => []), f: x0s.map(() => []), gradNorm: x0s.map(() => []), stop: new Array<TraceStop>(m).fill('maxiter') };
  const live = new Array<boolean>(m).fill(true);
  let x = tf.tensor2d(x0s.flat(), [m, d]);
  let state = tf.tidy(() => rule.init(x) as never) as StateTree;
  try {
    for (let t = 0; ; t++) {
      const s = tf.tidy(() => {
        const g = gradOf(x) as Tensor2D;
        const { step, state: next } = rule.update(g, state, x);
        return { fx: f(x), gn: rowNorm(g), sn: rowNorm(step), x2: tf.add(x, step) as Tensor2D, next: next as never };
      });
      const [xs, fs, gs, ss] = await Promise.all([x.data(), s.fx.data(), s.gn.data(), s.sn.data()]);
      for (let k = 0; k < m; k++) {
        if (!live[k]) continue;
        const point = Array.from(xs.subarray(k * d, (k + 1) * d));
        out.x[k].push(point);
        out.f[k].push(fs[k]);
        out.gradNorm[k].push(gs[k]);
        const stop: TraceStop | undefined =
          !Number.isFinite(fs[k]) || !Number.isFinite(gs[k]) || point.some((v) => !Number.isFinite(v)) ? 'nonfinite'
          : gs[k] <= gtol ? 'gtol'
          : ss[k] <= xtol ? 'xtol'
          : t === iters ? 'maxiter'
          : undefined;
        if (stop) [out.stop[k], live[k]] = [stop, false];
      }
      dispose(x, state, s.fx, s.gn, s.sn);
      [x, state] = [s.x2, s.next as StateTree];
      if (!live.includes(true)) break;
    }
  } finally {
    dispose(x, state);
  }
  return out;
}

function rowNorm(v: Tensor2D): Tensor1D {
  return tf.sqrt(tf.sum(tf.square(v), 1)) as Tensor1D;
}

function dispose(...items: StateTree[]): void {
  for (const item of items) for (const t of tensorsOf(item)) t.dispose();
}
