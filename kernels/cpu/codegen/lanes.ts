import binaryen from 'binaryen';
import type { FusedDtype } from '../../types.ts';
import type { V, VecOps } from '../../vector-ops.ts';
import type { Body, E } from './body.ts';
import { MEMORY } from './emit.ts';
import { expLanes } from '../../vmath/exp.ts';
import { logLanes } from '../../vmath/log.ts';

export type { V };

/**
 * Vector arithmetic over one lane type, f32x4 (4 starts per vector) or f64x2 (2), so that every
 * generator (the tape, the math library, the optimizer, the termination test) is written once for
 * both dtypes. Integer ops act on lanes of the same width (i32x4 / i64x2), which is what the
 * bit-level tricks in the math library need. Masks are all-ones / all-zeros lanes.
 */
export class Lanes implements VecOps<E> {
  readonly width: number;
  readonly bits: 32 | 64;
  /** Explicit mantissa bits and exponent bias of the lane's float format. */
  readonly mant: number;
  readonly bias: number;
  readonly m: binaryen.Module;
  private readonly f: typeof binaryen.Module.prototype.f32x4;
  private readonly i: typeof binaryen.Module.prototype.i64x2 & typeof binaryen.Module.prototype.i32x4;

  constructor(readonly body: Body, readonly dtype: FusedDtype) {
    this.m = body.m;
    const wide = dtype === 'float64';
    this.width = wide ? 2 : 4;
    this.bits = wide ? 64 : 32;
    this.mant = wide ? 52 : 23;
    this.bias = wide ? 1023 : 127;
    this.f = (wide ? this.m.f64x2 : this.m.f32x4) as never;
    this.i = (wide ? this.m.i64x2 : this.m.i32x4) as never;
  }

  /** Stores `e` in a new local. */
  let(e: E): V {
    const idx = this.body.local(binaryen.v128);
    this.body.emit(this.m.local.set(idx, e));
    return this.ref(idx);
  }

  /** A mutable vector local. */
  variable(init?: V): { v: V; set(value: V): void; idx: number } {
    const idx = this.body.local(binaryen.v128);
    if (init) this.body.emit(this.m.local.set(idx, init.get()));
    return { idx, v: this.ref(idx), set: (value: V) => this.body.emit(this.m.local.set(idx, value.get())) };
  }

  ref(idx: number): V {
    return { get: () => this.m.local.get(idx, binaryen.v128) };
  }

  zerosLike(): V {
    return this.c(0);
  }

  /** A float constant in every lane, rounded to the lane type (from the constant pool). */
  c(x: number): V {
    const bytes = new Uint8Array(16);
    (this.bits === 32 ? new Float32Array(bytes.buffer) : new Float64Array(bytes.buffer)).fill(x);
    return this.ref(this.body.constLocal(bytes));
  }

  /** An integer bit pattern in every lane (from the constant pool). */
  ci(x: bigint): V {
    const bytes = new Uint8Array(16);
    if (this.bits === 32) new Int32Array(bytes.buffer).fill(Number(BigInt.asIntN(32, x)));
    else new BigInt64Array(bytes.buffer).fill(BigInt.asIntN(64, x));
    return this.ref(this.body.constLocal(bytes));
  }

  /** A float scalar (of the lane type) broadcast to every lane. */
  splat(scalar: E): V {
    return this.let(this.f.splat(scalar));
  }

  load(ptr: E, offset: number): V {
    return this.let(this.m.v128.load(offset, 16, ptr, MEMORY));
  }

  store(ptr: E, offset: number, v: V): void {
    this.body.emit(this.m.v128.store(offset, 16, ptr, v.get(), MEMORY));
  }

  // Float arithmetic.
  add(a: V, b: V): V { return this.let(this.f.add(a.get(), b.get())); }
  sub(a: V, b: V): V { return this.let(this.f.sub(a.get(), b.get())); }
  mul(a: V, b: V): V { return this.let(this.f.mul(a.get(), b.get())); }
  div(a: V, b: V): V { return this.let(this.f.div(a.get(), b.get())); }
  /** NaN-propagating, like Math.min and tf.minimum. */
  min(a: V, b: V): V { return this.let(this.f.min(a.get(), b.get())); }
  max(a: V, b: V): V { return this.let(this.f.max(a.get(), b.get())); }
  neg(a: V): V { return this.let(this.f.neg(a.get())); }
  abs(a: V): V { return this.let(this.f.abs(a.get())); }
  sqrt(a: V): V { return this.let(this.f.sqrt(a.get())); }
  floor(a: V): V { return this.let(this.f.floor(a.get())); }
  ceil(a: V): V { return this.let(this.f.ceil(a.get())); }
  /** Round to nearest, ties to even. */
  nearest(a: V): V { return this.let(this.f.nearest(a.get())); }

  // Comparisons give masks.
  lt(a: V, b: V): V { return this.let(this.f.lt(a.get(), b.get())); }
  le(a: V, b: V): V { return this.let(this.f.le(a.get(), b.get())); }
  gt(a: V, b: V): V { return this.let(this.f.gt(a.get(), b.get())); }
  ge(a: V, b: V): V { return this.let(this.f.ge(a.get(), b.get())); }
  eq(a: V, b: V): V { return this.let(this.f.eq(a.get(), b.get())); }
  ne(a: V, b: V): V { return this.let(this.f.ne(a.get(), b.get())); }

  // Bitwise.
  and(a: V, b: V): V { return this.let(this.m.v128.and(a.get(), b.get())); }
  or(a: V, b: V): V { return this.let(this.m.v128.or(a.get(), b.get())); }
  xor(a: V, b: V): V { return this.let(this.m.v128.xor(a.get(), b.get())); }
  /** a & ~b */
  andNot(a: V, b: V): V { return this.let(this.m.v128.andnot(a.get(), b.get())); }
  not(a: V): V { return this.let(this.m.v128.not(a.get())); }
  /** mask ? a : b, lane by lane. */
  sel(mask: V, a: V, b: V): V { return this.let(this.m.v128.bitselect(a.get(), b.get(), mask.get())); }
  anyTrue(a: V): E { return this.m.v128.any_true(a.get()); }

  // Integer lanes of the float's width.
  iadd(a: V, b: V): V { return this.let(this.i.add(a.get(), b.get())); }
  isub(a: V, b: V): V { return this.let(this.i.sub(a.get(), b.get())); }
  ishl(a: V, k: number): V { return this.let(this.i.shl(a.get(), this.m.i32.const(k))); }
  ishrU(a: V, k: number): V { return this.let(this.i.shr_u(a.get(), this.m.i32.const(k))); }
  ishrS(a: V, k: number): V { return this.let(this.i.shr_s(a.get(), this.m.i32.const(k))); }
  ieq(a: V, b: V): V { return this.let(this.i.eq(a.get(), b.get())); }

  /** Horner: c[0] + x·(c[1] + x·(c[2] + ...)). */
  poly(x: V, coeffs: readonly number[]): V {
    let acc: V = this.c(coeffs[coeffs.length - 1]);
    for (let k = coeffs.length - 2; k >= 0; k--) acc = this.add(this.mul(acc, x), this.c(coeffs[k]));
    return acc;
  }

  get f32(): boolean {
    return this.bits === 32;
  }

  /** The sign bit of the lane type. */
  get signBit(): V {
    return this.ci(1n << BigInt(this.bits - 1));
  }

  /** +∞ in every lane. */
  get inf(): V {
    return this.c(Infinity);
  }

  /** |a| < ∞: false for ±∞ and NaN. */
  finite(a: V): V {
    return this.lt(this.abs(a), this.inf);
  }

  when(mask: V, fill: () => void): void {
    this.body.emit(this.m.if(this.anyTrue(mask), this.body.block(fill)));
  }

  /** Math.sin / Math.cos through the module's imports (emit.ts), one lane at a time. */
  platformSinCos(x: V): { sin: V; cos: V } {
    const m = this.m;
    const lanes = (fn: 'sin' | 'cos') => {
      let acc = x.get();
      for (let l = 0; l < this.width; l++) {
        const lane = this.f32 ? m.f64.promote(m.f32x4.extract_lane(x.get(), l)) : m.f64x2.extract_lane(x.get(), l);
        const r = m.call(`js_${fn}`, [lane], binaryen.f64);
        acc = this.f32 ? m.f32x4.replace_lane(acc, l, m.f32.demote(r)) : m.f64x2.replace_lane(acc, l, r);
      }
      return this.let(acc);
    };
    return { sin: lanes('sin'), cos: lanes('cos') };
  }

  /**
   * e^(y·ln a) for f32x4 lanes in two f64x2 halves (float64 lanes have nothing wider: undefined
   * there, and pow uses its own lanes).
   */
  get widerExpLog(): ((a: V, y: V) => V) | undefined {
    if (!this.f32) return undefined;
    return (a, y) => {
      const D = new Lanes(this.body, 'float64');
      const m = this.m;
      // Lanes 2, 3 moved down so that promote_low can widen them.
      const high = (v: V) => m.i8x16.shuffle(v.get(), v.get(), [8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7]);
      const half = (lo: boolean) => {
        const a64 = D.let(m.f64x2.promote_low_f32x4(lo ? a.get() : high(a)));
        const y64 = D.let(m.f64x2.promote_low_f32x4(lo ? y.get() : high(y)));
        return D.let(m.f32x4.demote_f64x2_zero(expLanes(D, D.mul(y64, logLanes(D, a64))).get()));
      };
      const lo = half(true);
      const hi = half(false);
      return this.let(m.i8x16.shuffle(lo.get(), hi.get(), [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]));
    };
  }
}
