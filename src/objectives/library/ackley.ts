import { tf, type Tensor1D } from '../../../core/tf.ts';
import type { Objective } from '../types.ts';
import { cube, repeat, sumOf } from './any-dim.ts';

/**
 * Added under the square root so that autodiff at x = 0 is finite: d sqrt(s)/ds = 1/(2 sqrt(s)) is
 * 1/0 at s = 0, and 0 · ∞ = NaN would follow. With the guard it is 5e9, multiplied by
 * d(mean x²)/dx = 0, so the gradient at 0 is exactly 0 (the cone's natural subgradient). The guard
 * moves f by at most 20 · 0.2 · sqrt(1e-20) = 4e-10, far below one float32 ulp of the 22.7 that f
 * is computed from.
 */
const GUARD = 1e-20;

/**
 * Ackley (a = 20, b = 0.2, c = 2π):
 * f(x) = −20 exp(−0.2 sqrt(Σ x_i² / d)) − exp(Σ cos(2π x_i) / d) + 20 + e.
 * Global minimum f = 0 at 0, at the bottom of a cone-shaped funnel covered in local minima.
 */
export const ackley: Objective = {
  name: 'ackley',
  title: 'Ackley',
  formula: '-20 exp(-0.2 sqrt(sum_i x_i^2 / d)) - exp(sum_i cos(2 pi x_i) / d) + 20 + e',
  expression: (d) =>
    `-20 * exp(-0.2 * sqrt((${sumOf(d, (i) => `x${i}^2`)}) / ${d}))` +
    ` - exp((${sumOf(d, (i) => `cos(2 * pi * x${i})`)}) / ${d}) + 20 + e`,
  dim: 'any',
  defaultDim: 2,
  box: (d) => cube(d, -32.768, 32.768),
  f: (xs) =>
    tf.tidy(() => {
      const radius = tf.sqrt(tf.add(tf.mean(tf.square(xs), 1), GUARD));
      const funnel = tf.mul(-20, tf.exp(tf.mul(-0.2, radius)));
      const ripples = tf.exp(tf.mean(tf.cos(tf.mul(2 * Math.PI, xs)), 1));
      return tf.add(tf.sub(funnel, ripples), 20 + Math.E) as Tensor1D;
    }),
  // The many local minima near the integer lattice have no published table; only the global one.
  known: (d) => [{ kind: 'minimum', x: repeat(d, 0), f: 0, global: true }],
  source: 'Ackley (1987); Jamil & Yang (2013); Surjanovic & Bingham, VLSE; f* re-derived at 30 digits',
  notes:
    'Not differentiable at 0 (a cone tip): the gradient there is taken as 0. In float32, f(0) is 0 only to within a few ulps of 22.7 (about 1e-6).',
};
