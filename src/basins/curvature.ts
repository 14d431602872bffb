import { tf, type Tensor, type Tensor2D } from '../../core/tf.ts';
import { hashAt, keyFor, unit24 } from '../starts/hash.ts';
import type { ObjectiveFn } from '../objectives/types.ts';

/**
 * Power iterations per point. The error shrinks like |λ2/λ1|^k from a start vector's share of the
 * top eigenvector; 20 left 3 of 128 points of Himmelblau and Rastrigin-3D 6–11 % low when the
 * seeded start lay near the second eigenvector, 50 brings all within 3 % (test/basins/curvature.test.ts).
 */
export const POWER_ITERATIONS = 50;

/**
 * The largest |eigenvalue| of the Hessian of f at each point, by power iteration on batched
 * Hessian-vector products (tfjs autodiff: the gradient of ∇f(x)·v). Rows are independent, so one
 * pair of reverse passes gives H·v at every point together: O(d) memory a point, not d².
 * The start vectors are seeded, so the estimate is the same on every run. A point where f or its
 * derivatives are not finite gets NaN (the caller leaves it out).
 */
export async function largestCurvatures(f: ObjectiveFn, points: Float32Array, d: number, iterations = POWER_ITERATIONS): Promise<Float64Array> {
  const m = points.length / d;
  if (m === 0) return new Float64Array(0);
  const key = keyFor(0x5eed, 99, 0);
  const v0 = Float32Array.from({ length: m * d }, (_, i) => unit24(hashAt(key, i)) - 0.5);
  const x = tf.tensor2d(points, [m, d]);
  let v = tf.tidy(() => normalizeRows(tf.tensor2d(v0, [m, d])));
  const grad = tf.grad((p: Tensor) => tf.sum((f as ObjectiveFn)(p as Tensor2D)));
  let norms: Float32Array = new Float32Array(m);
  for (let k = 0; k < iterations; k++) {
    const [w, n] = tf.tidy(() => {
      const vk = v;
      // The 0·x term keeps x in the graph when ∇f does not depend on it (f linear): H·v is then 0.
      const hv = tf.grad((p: Tensor) => tf.add(tf.sum(tf.mul(grad(p), vk)), tf.sum(tf.mul(p, 0))))(x) as Tensor2D;
      const len = tf.norm(hv, 'euclidean', 1);
      return [tf.div(hv, tf.maximum(len.expandDims(1), 1e-30)), len] as const;
    });
    v.dispose();
    v = w as Tensor2D;
    if (k === iterations - 1) norms = (await n.data()) as Float32Array;
    n.dispose();
  }
  v.dispose();
  x.dispose();
  return Float64Array.from(norms, (s) => (Number.isFinite(s) ? s : NaN));
}

function normalizeRows(v: Tensor2D): Tensor2D {
  return tf.div(v, tf.maximum(tf.norm(v, 'euclidean', 1).expandDims(1), 1e-30));
}

