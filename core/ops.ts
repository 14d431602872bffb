/**
 * Elementwise arithmetic on one kind of value, written once and implemented by every engine: the
 * code generators' lanes (kernels/vector-ops.ts: one start per lane, one coordinate per call), tfjs
 * tensors (src/engines/tensor-ops.ts: whole [n, d] batches) and plain numbers (number-ops.ts).
 * Optimizers (core/optimizers) and the termination rule (core/rule.ts) are written against it, so
 * "adam with lr 0.01" and "converged" mean the same operations, in the same order, on every engine.
 * Masks are whatever the implementation uses for truth (lane bit masks, bool tensors, booleans).
 */
export interface ArithOps<V> {
  /** A constant, rounded to the engine's float type. */
  c(x: number): V;
  /** Zeros shaped like x (x's values are not read: an infinite x gives zeros too). */
  zerosLike(x: V): V;
  add(a: V, b: V): V;
  sub(a: V, b: V): V;
  mul(a: V, b: V): V;
  div(a: V, b: V): V;
  /** NaN-propagating, like Math.min. */
  min(a: V, b: V): V;
  max(a: V, b: V): V;
  neg(a: V): V;
  abs(a: V): V;
  sqrt(a: V): V;
  lt(a: V, b: V): V;
  le(a: V, b: V): V;
  gt(a: V, b: V): V;
  ge(a: V, b: V): V;
  eq(a: V, b: V): V;
  and(a: V, b: V): V;
  or(a: V, b: V): V;
  /** a and not b. */
  andNot(a: V, b: V): V;
  not(a: V): V;
  /** mask ? a : b, elementwise. */
  sel(mask: V, a: V, b: V): V;
  /** |a| < ∞: false for ±∞ and NaN. */
  finite(a: V): V;
}

/**
 * Values of a batch of starts at two granularities: P holds one value per start and coordinate
 * (a point, a gradient, a step), S one value per start (a norm, a test). Lanes hold P as one
 * vector per coordinate; tfjs holds P as [n, d] and S as [n]. The termination rule is written
 * against this pair.
 */
export interface RowOps<P, S> {
  p: ArithOps<P>;
  s: ArithOps<S>;
  d: number;
  /** One constant per coordinate, the same for every start. */
  axis(values: readonly number[]): P;
  /** Σ_j v_j over the listed coordinates (default all). */
  sum(v: P, axes?: readonly number[]): S;
  /** Mask that holds on every listed coordinate (default all; true when none is listed). */
  all(m: P, axes?: readonly number[]): S;
  /** A per-start value repeated on every coordinate. */
  spread(v: S): P;
}
