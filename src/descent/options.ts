import type { Box } from '../objectives/types.ts';
import type { OptimizerSpec } from '../optimizers/spec.ts';

/**
 * How every engine runs the starts. Termination, per start, at iteration t (t updates done):
 *   ‖g(x)‖ ≤ gtol                      → status gtol, nit = t
 *   ‖x_new − x‖² ≤ xtol² + (eps32·‖x‖)²  → status xtol (a step float32 cannot resolve at x);
 *                                         xtol = 0 turns this test off, floor included
 *   x or f non-finite                  → status nonfinite
 *   |x_j − centre_j| > divergeRadius·halfwidth_j for some j → status escaped
 *   t = maxIter                         → status maxiter
 */
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
