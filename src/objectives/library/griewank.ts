import { tf, type Tensor1D, type Tensor2D } from '../../../core/tf.ts';
import type { Objective } from '../types.ts';
import { col } from '../columns.ts';
import { cube, indices, repeat, sumOf } from './any-dim.ts';

/**
 * Griewank: f(x) = 1 + Σ x_i²/4000 − Π cos(x_i/√i).
 * Global minimum f = 0 at 0; a shallow bowl covered in a very large number of local minima.
 */
export const griewank: Objective = {
  name: 'griewank',
  title: 'Griewank',
  formula: '1 + sum_i x_i^2 / 4000 - prod_i cos(x_i / sqrt(i))',
  expression: (d) =>
    `1 + (${sumOf(d, (i) => `x${i}^2`)}) / 4000 - ${sumOf(d, (i) => `cos(x${i} / sqrt(${i}))`, ' * ')}`,
  dim: 'any',
  defaultDim: 2,
  box: (d) => cube(d, -600, 600),
  f: (xs) =>
    tf.tidy(() => {
      const bowl = tf.div(tf.sum(tf.square(xs), 1), 4000);
      const cosines = tf.cos(tf.div(xs, tf.sqrt(indices(xs.shape[1])))) as Tensor2D;
      // The product by plain multiplies, column by column: tf.prod's gradient goes through a
      // reversed cumprod, which tfjs-backend-webgpu 4.22 gets wrong for some shapes (e.g. [20, 5]).
      let waves = col(cosines, 0);
      for (let j = 1; j < xs.shape[1]; j++) waves = tf.mul(waves, col(cosines, j));
      return tf.sub(tf.add(1, bowl), waves) as Tensor1D;
    }),
  // The local minima are too many to list and have no published table; only the global one.
  known: (d) => [{ kind: 'minimum', x: repeat(d, 0), f: 0, global: true }],
  source: 'Griewank (1981); Jamil & Yang (2013); SciPy go_benchmark_functions; f* re-derived at 30 digits',
  notes: 'Per the reference table, a 40 × 40 grid of local descents never reaches f = 0: the basin of 0 is small next to the box.',
  // No suggested settings: lr auto converges at least as many starts at d = 2, 5 and 10 in
  // fewer iterations (benchmarks/README.md, "lr auto").
};
