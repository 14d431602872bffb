import { tf, type Tensor1D } from '../../../core/tf.ts';
import type { Box } from '../types.ts';

/** The box [lo, hi]^d. */
export function cube(d: number, lo: number, hi: number): Box {
  return Array.from({ length: d }, (): [number, number] => [lo, hi]);
}

/** The point (v, ..., v) in d dimensions. */
export function repeat(d: number, v: number): number[] {
  return Array.from({ length: d }, () => v);
}

/**
 * `term(1) + term(2) + ... + term(d)`: expressions must spell every term out, because the
 * expression language has no summation.
 */
export function sumOf(d: number, term: (i: number) => string, join = ' + '): string {
  return Array.from({ length: d }, (_, k) => term(k + 1)).join(join);
}

/** The coordinate indices 1..d as a float row, for terms that weight x_i by i. */
export function indices(d: number): Tensor1D {
  return tf.range(1, d + 1, 1, 'float32') as Tensor1D;
}
