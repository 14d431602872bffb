import { tf, type Tensor1D } from '../../tf.ts';
import { UserError } from '../../errors.ts';
import type { KnownPoint, Objective } from '../types.ts';
import { cube, repeat, sumOf } from './any-dim.ts';

/**
 * Local minimum of the d-dimensional Rosenbrock function near (−1, 1, ..., 1), which exists for
 * 4 ≤ d ≤ 30 (Shang & Qiu 2006). Found here by BFGS multistart and refined by Newton's method at
 * 40 digits; the Hessian is positive definite at each.
 */
const LOCAL: Record<number, { x: number[]; f: number }> = {
  4: { x: [-0.77565922656535262, 0.61309336548504346, 0.38206284633839315, 0.14597201855219461], f: 3.7014286104300173 },
  5: { x: [-0.96205102069475016, 0.93573939597671001, 0.88071360419432059, 0.77787767585440633, 0.60509367859265284], f: 3.9308394341330281 },
  6: {
    x: [-0.98657497957099373, 0.98339822883618175, 0.97210667005309191, 0.94743743682643601, 0.89865118485172963, 0.80757395203541755],
    f: 3.9739405009302949,
  },
  7: {
    x: [
      -0.99172257256140554, 0.99355539350337126, 0.99217332159469212, 0.98689876269031392, 0.97516475660887304,
      0.95143198270499267, 0.90522281771395347,
    ],
    f: 3.983600536424854,
  },
};

/**
 * Rosenbrock, sum form: f(x) = Σ_{i=1}^{d−1} 100(x_{i+1} − x_i²)² + (1 − x_i)², d ≥ 2.
 * Global minimum f = 0 at (1, ..., 1) at the end of a long curved valley.
 */
export const rosenbrock: Objective = {
  name: 'rosenbrock',
  title: 'Rosenbrock',
  formula: 'sum_{i=1}^{d-1} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2',
  expression: (d) => sumOf(d - 1, (i) => `100 * (x${i + 1} - x${i}^2)^2 + (1 - x${i})^2`),
  dim: 'any',
  defaultDim: 2,
  box: (d) => cube(d, -5, 10),
  f: (xs) =>
    tf.tidy(() => {
      const d = xs.shape[1];
      if (d < 2) throw new UserError(`rosenbrock needs at least 2 dimensions, got ${d}`);
      const head = tf.slice(xs, [0, 0], [-1, d - 1]);
      const tail = tf.slice(xs, [0, 1], [-1, d - 1]);
      const valley = tf.mul(100, tf.square(tf.sub(tail, tf.square(head))));
      return tf.sum(tf.add(valley, tf.square(tf.sub(1, head))), 1) as Tensor1D;
    }),
  // d = 2 and 3: the global minimum is the only stationary point (project reference set for d = 2,
  // re-derived at 30 digits; Shang & Qiu 2006 for d = 3).
  known: (d) => {
    if (d < 2) return [];
    const points: KnownPoint[] = [{ kind: 'minimum', x: repeat(d, 1), f: 0, global: true }];
    const local = LOCAL[d];
    if (local) points.push({ kind: 'minimum', x: local.x, f: local.f });
    return points;
  },
  source:
    'Rosenbrock (1960); Jamil & Yang (2013) f105; SciPy go_benchmark_functions; Shang & Qiu, Evol. Comput. 14(1) (2006) for the second minimum',
  notes:
    'For 4 ≤ d ≤ 30 a second, local minimum lies near (−1, 1, ..., 1); it is listed for d = 4..7. Saddles exist for d ≥ 4 but are not listed.',
};
