import { tf, type Tensor1D } from '../../../core/tf.ts';
import type { Objective } from '../types.ts';
import { cube, indices, repeat, sumOf } from './any-dim.ts';

/**
 * Zakharov: f(x) = Σ x_i² + s² + s⁴ with s = Σ 0.5 i x_i.
 * Convex (a sum of convex terms, strictly so through Σ x_i²): one minimum, f = 0 at 0.
 */
export const zakharov: Objective = {
  name: 'zakharov',
  title: 'Zakharov',
  formula: 'sum_i x_i^2 + (sum_i 0.5 i x_i)^2 + (sum_i 0.5 i x_i)^4',
  expression: (d) => {
    const s = `(${sumOf(d, (i) => `${0.5 * i} * x${i}`)})`;
    return `${sumOf(d, (i) => `x${i}^2`)} + ${s}^2 + ${s}^4`;
  },
  dim: 'any',
  defaultDim: 2,
  box: (d) => cube(d, -5, 10),
  f: (xs) =>
    tf.tidy(() => {
      const s2 = tf.square(tf.sum(tf.mul(tf.mul(0.5, indices(xs.shape[1])), xs), 1));
      return tf.add(tf.add(tf.sum(tf.square(xs), 1), s2), tf.square(s2)) as Tensor1D;
    }),
  known: (d) => [{ kind: 'minimum', x: repeat(d, 0), f: 0, global: true }],
  source: 'Jamil & Yang (2013); Surjanovic & Bingham, VLSE',
};
