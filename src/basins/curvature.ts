import { tf, type Tensor, type Tensor2D } from '../../core/tf.ts';
import { hashAt, keyFor, unit24 } from '../starts/hash.ts';
import type { ObjectiveFn } from '../objectives/types.ts';

/** Power iterations per point: enough for 2–3 digits of the largest |eigenvalue| on the library's Hessians (measured), which a step size needs. */
export const POWER_ITERATIONS = 20;

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
      const hv = tf.grad((p: Tensor) => tf.sum(tf.mul(grad(p), vk)))(x) as Tensor2D;
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

