import type { OptimizerSpec } from './optimizers/index.ts';

/** One closed interval per axis. */
export type Box = Array<[number, number]>;

/** How every engine runs the starts; the termination rule these options set is core/rule.ts. */
export interface DescentOptions {
  optimizer: OptimizerSpec;
  maxIter: number;
  gtol: number;
  xtol: number;
  box: Box;
  /** A start that gets farther than this many box half-widths from the centre has diverged. */
  divergeRadius: number;
  /** 'max' ascends (descends −f); results still report the user's f. */
  sense: 'min' | 'max';
  /**
   * 'free' (default): starts may leave the box. 'clip': every step is projected back into the box
   * (projected gradient descent), and the gtol test uses the projected gradient, whose components
   * that push against an active bound are zero, so a minimum on the box edge can converge.
   */
  bounds?: 'free' | 'clip';
  /**
   * The last `frozen` columns are parameters (a formula's --param): carried with each start but
   * never moved, their gradient is 0 on every engine (kernels/ad/build.ts, engines/tfjs.ts).
   */
  frozen?: number;
}

export const DESCENT_DEFAULTS = {
  maxIter: 1000,
  // ‖g‖ ≤ 1e-4: on the library's scales (f of order 1..1e3, Hessians of order 1..400) this puts
  // end points within ~1e-4 of the minimum, well inside the clustering distance (1e-3 of the box),
  // and it is reachable in float32, whose gradient noise at a minimum is ~ulp(f terms)/h ≈ 1e-5.
  gtol: 1e-4,
  // A step shorter than ~1 ulp of x (float32, |x| ~ 1..10) no longer moves the point.
  xtol: 1e-7,
  divergeRadius: 10,
} as const;

/** Steps beyond this would make nit inexact in a float32 lane. */
export const MAX_ITER_LIMIT = 1 << 24;

/** What every engine requires of the options before it starts (the CLI's checks come first and say more). */
export function checkOptions(opts: DescentOptions, d: number): void {
  if (opts.box.length !== d) throw new RangeError(`box has ${opts.box.length} intervals for dimension ${d}`);
  if (!Number.isInteger(opts.maxIter) || opts.maxIter < 0 || opts.maxIter > MAX_ITER_LIMIT) {
    throw new RangeError(`maxIter must be an integer in [0, ${MAX_ITER_LIMIT}], got ${opts.maxIter}`);
  }
}
