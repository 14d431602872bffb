import type { ArithOps, RowOps } from '../../core/ops.ts';
import { tf, type Tensor } from '../../core/tf.ts';

/**
 * ArithOps over tfjs tensors, broadcasting as tfjs does: a [n, d] batch, a [n] per-start column
 * or a scalar. Masks are bool tensors. Callers own the memory: run inside tf.tidy.
 */
export const tensorOps: ArithOps<Tensor> = {
  c: (x) => tf.scalar(x),
  zerosLike: (x) => tf.zerosLike(x),
  add: (a, b) => tf.add(a, b),
  sub: (a, b) => tf.sub(a, b),
  mul: (a, b) => tf.mul(a, b),
  div: (a, b) => tf.div(a, b),
  min: (a, b) => tf.minimum(a, b),
  max: (a, b) => tf.maximum(a, b),
  neg: (a) => tf.neg(a),
  abs: (a) => tf.abs(a),
  sqrt: (a) => tf.sqrt(a),
  lt: (a, b) => tf.less(a, b),
  le: (a, b) => tf.lessEqual(a, b),
  gt: (a, b) => tf.greater(a, b),
  ge: (a, b) => tf.greaterEqual(a, b),
  eq: (a, b) => tf.equal(a, b),
  and: (a, b) => tf.logicalAnd(a, b),
  or: (a, b) => tf.logicalOr(a, b),
  andNot: (a, b) => tf.logicalAnd(a, tf.logicalNot(b)),
  not: (a) => tf.logicalNot(a),
  sel: (m, a, b) => tf.where(m, a, b),
  finite: (a) => tf.isFinite(a),
};

/** A batch as rows: points are [n, d] tensors, per-start values [n]; axis constants broadcast as [d]. */
export function tensorRows(d: number): RowOps<Tensor, Tensor> {
  const every = (axes?: readonly number[]) => axes === undefined || axes.length === d;
  const columns = (v: Tensor, axes?: readonly number[]) => (every(axes) ? v : tf.gather(v, Int32Array.from(axes!), 1));
  return {
    p: tensorOps,
    s: tensorOps,
    d,
    axis: (values) => tf.tensor1d(Float32Array.from(values)),
    sum: (v, axes) => tf.sum(columns(v, axes), 1),
    all: (m, axes) => tf.all(columns(m, axes), 1),
    spread: (v) => tf.tile(tf.expandDims(v, 1), [1, d]),
  };
}
