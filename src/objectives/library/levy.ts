import { tf, type Tensor1D } from '../../../core/tf.ts';
import type { Objective } from '../types.ts';
import { cube, repeat, sumOf } from './any-dim.ts';

/**
 * Levy: with w_i = 1 + (x_i − 1)/4,
 * f(x) = sin²(π w_1) + Σ_{i=1}^{d−1} (w_i − 1)² (1 + 10 sin²(π w_i + 1)) + (w_d − 1)² (1 + sin²(2π w_d)).
 * Global minimum f = 0 at (1, ..., 1) among many local minima.
 */
export const levy: Objective = {
  name: 'levy',
  title: 'Levy',
  formula: 'sin^2(pi w_1) + sum_{i<d} (w_i - 1)^2 (1 + 10 sin^2(pi w_i + 1)) + (w_d - 1)^2 (1 + sin^2(2 pi w_d)), w_i = 1 + (x_i - 1)/4',
  expression: (d) => {
    const w = (i: number) => `(1 + (x${i} - 1) / 4)`;
    const middle = sumOf(d - 1, (i) => ` + (${w(i)} - 1)^2 * (1 + 10 * sin(pi * ${w(i)} + 1)^2)`, '');
    return `sin(pi * ${w(1)})^2${middle} + (${w(d)} - 1)^2 * (1 + sin(2 * pi * ${w(d)})^2)`;
  },
  dim: 'any',
  defaultDim: 2,
  box: (d) => cube(d, -10, 10),
  f: (xs) =>
    tf.tidy(() => {
      const d = xs.shape[1];
      const w = tf.add(1, tf.div(tf.sub(xs, 1), 4));
      const first = tf.square(tf.sin(tf.mul(Math.PI, tf.slice(w, [0, 0], [-1, 1]))));
      const wd = tf.slice(w, [0, d - 1], [-1, 1]);
      const last = tf.mul(tf.square(tf.sub(wd, 1)), tf.add(1, tf.square(tf.sin(tf.mul(2 * Math.PI, wd)))));
      let total = tf.add(first, last);
      if (d > 1) {
        const head = tf.slice(w, [0, 0], [-1, d - 1]);
        const ripple = tf.add(1, tf.mul(10, tf.square(tf.sin(tf.add(tf.mul(Math.PI, head), 1)))));
        total = tf.add(total, tf.sum(tf.mul(tf.square(tf.sub(head, 1)), ripple), 1, true));
      }
      return tf.reshape(total, [-1]) as Tensor1D;
    }),
  // The local minima have no published table; only the global one.
  known: (d) => [{ kind: 'minimum', x: repeat(d, 1), f: 0, global: true }],
  source: 'Surjanovic & Bingham, VLSE (Levy function); Jamil & Yang (2013); f* re-derived at 30 digits',
  suggested: { lr: 0.01, maxIter: 7000, why: 'starts on its flat outer slopes take up to 6 700 iterations at lr 0.01 from a 50 × 50 grid on the box (d = 2)' },
};
