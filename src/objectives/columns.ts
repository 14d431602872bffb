import { tf, type Tensor1D, type Tensor2D } from '../../core/tf.ts';

/** Column j of a batch [n, d] as a vector [n]. */
export function col(x: Tensor2D, j: number): Tensor1D {
  return tf.reshape(tf.slice(x, [0, j], [-1, 1]), [-1]) as Tensor1D;
}
