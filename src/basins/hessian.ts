import { tf, type Tensor, type Tensor2D } from '../../core/tf.ts';
import type { ObjectiveFn } from '../objectives/types.ts';

/**
 * Hessians of f at many points at once, by tfjs autodiff (gradient of the gradient). Rows are
 * independent, so the gradient of sum_b ∂f/∂x_j (x_b) with respect to the batch gives, in row b,
 * column j of point b's Hessian: d reverse passes for all points together.
 * Returns [m][d*d] row-major float64 copies.
 */
export async function hessians(f: ObjectiveFn, points: number[][], d: number): Promise<Float64Array[]> {
  if (points.length === 0) return [];
  const x = tf.tensor2d(points.flat(), [points.length, d]);
  // Each sum adds zerosLike(v) so that v stays on the tape even where f, or one of its partial
  // derivatives, does not depend on v at all (a constant, floor(x), 0*y): tf.grad then returns
  // zeros instead of throwing "Cannot compute gradient of y=f(x) with respect to x".
  const onTape = (v: Tensor, s: Tensor) => tf.add(s, tf.sum(tf.zerosLike(v)));
  const grad = tf.grad((v: Tensor) => onTape(v, tf.sum(f(v as Tensor2D))));
  const columns: Float32Array[] = [];
  for (let j = 0; j < d; j++) {
    const hj = tf.tidy(() => {
      const pick = tf.tensor2d(Array.from({ length: d }, (_, i) => (i === j ? 1 : 0)), [1, d]);
      return tf.grad((v: Tensor) => onTape(v, tf.sum(tf.mul(grad(v), pick))))(x);
    });
    columns.push((await hj.data()) as Float32Array);
    hj.dispose();
  }
  x.dispose();
  return points.map((_, b) => {
    const h = new Float64Array(d * d);
    for (let j = 0; j < d; j++) for (let i = 0; i < d; i++) h[i * d + j] = columns[j][b * d + i];
    return h;
  });
}
