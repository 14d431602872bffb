import { tf, type Tensor1D } from '../../../core/tf.ts';
import type { Objective } from '../types.ts';
import { cube, repeat, sumOf } from './any-dim.ts';

/**
 * Sphere: f(x) = Σ x_i². The baseline: one minimum, f = 0 at 0, and every descent should find it.
 */
export const sphere: Objective = {
  name: 'sphere',
  title: 'Sphere',
  formula: 'sum_i x_i^2',
  expression: (d) => sumOf(d, (i) => `x${i}^2`),
  dim: 'any',
  defaultDim: 2,
  box: (d) => cube(d, -5.12, 5.12),
  f: (xs) => tf.tidy(() => tf.sum(tf.square(xs), 1) as Tensor1D),
  known: (d) => [{ kind: 'minimum', x: repeat(d, 0), f: 0, global: true }],
  source: 'Jamil & Yang (2013); Surjanovic & Bingham, VLSE',
};
