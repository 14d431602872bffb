import type { ArithOps } from '../core/ops.ts';

/**
 * The lane operations every code generator provides, so that the math library (vmath/), the
 * tape (codegen/tape.ts) and the optimizer (codegen/optimizer.ts) are written once and emitted
 * as wasm SIMD (cpu/lanes.ts: f32x4 or f64x2) or as WGSL (webgpu/wgsl-lanes.ts: one float32 lane
 * per invocation, values carried as u32 bits). Both follow the same bit-level model: a value is
 * the bit pattern of a float of the lane type, masks are all-ones / all-zeros, integer ops act on
 * the same bits, so both targets run the same arithmetic operation for operation.
 */
export interface V<E = any> {
  /** A fresh use of the value (wasm expressions are single-use; WGSL gets the variable's name). */
  get(): E;
}

export interface VecOps<E = any> extends ArithOps<V<E>> {
  /** Lanes per vector (4 f32x4, 2 f64x2, 1 WGSL). */
  readonly width: number;
  readonly bits: 32 | 64;
  /** Explicit mantissa bits and exponent bias of the lane's float type. */
  readonly mant: number;
  readonly bias: number;
  readonly f32: boolean;
  /**
   * A product added to or subtracted from is one fused multiply-add (one rounding) where the
   * target says so: the native-fast engine (native/c-lanes.ts). Unset everywhere else: every
   * operation rounds on its own, as wasm's do. vmath/ reads it to use fewer reduction parts.
   */
  readonly fma?: boolean;

  /** Names an expression (one instruction, SSA style). */
  let(e: E): V<E>;
  /** A mutable value. */
  variable(init: V<E>): { v: V<E>; set(value: V<E>): void };
  /** A float constant, rounded to the lane type. */
  c(x: number): V<E>;
  /** Zeros (a lane's zero constant; x is not read). */
  zerosLike(x: V<E>): V<E>;
  /** An integer bit pattern of the lane width. */
  ci(x: bigint): V<E>;

  add(a: V<E>, b: V<E>): V<E>;
  sub(a: V<E>, b: V<E>): V<E>;
  mul(a: V<E>, b: V<E>): V<E>;
  div(a: V<E>, b: V<E>): V<E>;
  /** NaN-propagating, like Math.min / tf.minimum. */
  min(a: V<E>, b: V<E>): V<E>;
  max(a: V<E>, b: V<E>): V<E>;
  neg(a: V<E>): V<E>;
  abs(a: V<E>): V<E>;
  sqrt(a: V<E>): V<E>;
  floor(a: V<E>): V<E>;
  ceil(a: V<E>): V<E>;
  /** Round to nearest, ties to even. */
  nearest(a: V<E>): V<E>;

  lt(a: V<E>, b: V<E>): V<E>;
  le(a: V<E>, b: V<E>): V<E>;
  gt(a: V<E>, b: V<E>): V<E>;
  ge(a: V<E>, b: V<E>): V<E>;
  eq(a: V<E>, b: V<E>): V<E>;
  ne(a: V<E>, b: V<E>): V<E>;

  and(a: V<E>, b: V<E>): V<E>;
  or(a: V<E>, b: V<E>): V<E>;
  xor(a: V<E>, b: V<E>): V<E>;
  /** a & ~b */
  andNot(a: V<E>, b: V<E>): V<E>;
  not(a: V<E>): V<E>;
  /** mask ? a : b, lane by lane. */
  sel(mask: V<E>, a: V<E>, b: V<E>): V<E>;

  iadd(a: V<E>, b: V<E>): V<E>;
  isub(a: V<E>, b: V<E>): V<E>;
  ishl(a: V<E>, k: number): V<E>;
  ishrU(a: V<E>, k: number): V<E>;
  ishrS(a: V<E>, k: number): V<E>;
  ieq(a: V<E>, b: V<E>): V<E>;

  /** Horner: c[0] + x·(c[1] + x·(c[2] + ...)). */
  poly(x: V<E>, coeffs: readonly number[]): V<E>;
  readonly signBit: V<E>;
  readonly inf: V<E>;
  /** |a| < ∞: false for ±∞ and NaN. */
  finite(a: V<E>): V<E>;

  /** Runs the code `fill` emits only when some lane of `mask` is set (a branch). */
  when(mask: V<E>, fill: () => void): void;
  /** sin and cos by the platform's own functions, lane by lane (for huge arguments). */
  platformSinCos(x: V<E>): { sin: V<E>; cos: V<E> };
  /** e^(y·ln a) computed in a wider float type, where the target has one (pow's magnitude). */
  widerExpLog?(a: V<E>, y: V<E>): V<E>;
}
