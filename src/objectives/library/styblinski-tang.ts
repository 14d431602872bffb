import { tf, type Tensor1D } from '../../../core/tf.ts';
import type { Objective } from '../types.ts';
import { cube, sumOf } from './any-dim.ts';
import { separableKnown, type Stationary1D } from './separable.ts';

/**
 * Stationary points of the one-variable term g(x) = (x⁴ − 16x² + 5x)/2: the three real roots of
 * 4x³ − 32x + 5, by Newton's method at 40 digits. They match the reference table
 * (x* = −2.903534027771177, f* = −39.16616570377142 d) and the 2-D reference set to every digit.
 */
const TERM: Stationary1D[] = [
  { x: -2.9035340277711771, g: -39.166165703771415, kind: 'minimum' },
  { x: 0.1567312567803401, g: 0.19561235905535807, kind: 'maximum' },
  { x: 2.746802770990837, g: -25.029446655283943, kind: 'minimum' },
];

/**
 * Styblinski–Tang: f(x) = ½ Σ (x_i⁴ − 16x_i² + 5x_i).
 * 2^d minima; the global one, f = −39.16616570377142 d, at x_i = −2.903534027771177.
 */
export const styblinskiTang: Objective = {
  name: 'styblinski-tang',
  title: 'Styblinski–Tang',
  formula: '0.5 sum_i (x_i^4 - 16 x_i^2 + 5 x_i)',
  expression: (d) => `0.5 * (${sumOf(d, (i) => `x${i}^4 - 16 * x${i}^2 + 5 * x${i}`)})`,
  dim: 'any',
  defaultDim: 2,
  box: (d) => cube(d, -5, 5),
  f: (xs) =>
    tf.tidy(() => {
      const x2 = tf.square(xs);
      const terms = tf.add(tf.sub(tf.square(x2), tf.mul(16, x2)), tf.mul(5, xs));
      return tf.mul(0.5, tf.sum(terms, 1)) as Tensor1D;
    }),
  known: (d) => separableKnown(TERM, d),
  source:
    'Styblinski & Tang (1990); Jamil & Yang (2013); Surjanovic & Bingham, VLSE; f* and x* re-derived at 30 digits; 1-D stationary points computed here at 40 digits',
  notes:
    'All 3^d stationary points are listed for d ≤ 6, the 2^d minima for d ≤ 9, the global minimum beyond. The often-copied f* = −39.16599 d is wrong.',
};
