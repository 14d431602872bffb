import type { VecOps as Lanes, V } from '../vector-ops.ts';
import { roundToInteger } from './exp.ts';

/** π in hexadecimal, 200 bits: enough for any split of π/2 a float32 reduction needs. */
const PI_HEX = '3243F6A8885A308D313198A2E03707344A4093822299F31D008';

/**
 * π/2 as parts of `bits` significant bits each (so n·part is exact for n < 2^(24−bits)) followed
 * by one float32 tail: the float32 reduction x − n·P1 − n·P2 − ... then loses nothing until the
 * tail, which is what keeps sin x accurate near the zeros of sin at large |x|.
 */
function splitHalfPi(bits: number, parts: number, half = true, tailBits = 24): number[] {
  const scale = 4 * (PI_HEX.length - 1);
  let rest = BigInt('0x' + PI_HEX) >> (half ? 1n : 0n);
  const out: number[] = [];
  for (let k = 0; k <= parts; k++) {
    const width = rest.toString(2).length;
    const keep = k < parts ? bits : tailBits;
    const drop = BigInt(Math.max(width - keep, 0));
    const part = (rest >> drop) << drop;
    out.push(Number(part) / 2 ** scale);
    rest -= part;
  }
  return out;
}

// π/2 split so that every n·P_i but the last is exact for the n in range: three 11-bit parts
// and a tail in float32 (|n| < 2^13), fdlibm's 33+33+53-bit pio2_1, pio2_2, pio2_3 in float64.
const F32 = {
  pio2: splitHalfPi(11, 3),
  sin: [-1.6666654611e-1, 8.3321608736e-3, -1.9515295891e-4],
  cos: [4.166664568298827e-2, -1.388731625493765e-3, 2.443315711809948e-5],
};
// The sine-only kernel (float32): π in the same kind of parts (|n| < 2^13 again, as the slow
// path starts at |x| > 2^13·π/2), and an odd minimax polynomial for sin on [−π/2, π/2]
// (relative error 6e-9; fitted for this file, evaluated as r + (r·z)·P(z) like cephes).
const F32_SIN = {
  pi: splitHalfPi(11, 3, false),
  sin: [-0.16666659712791443, 0.00833306647837162, -0.00019809603691101074, 0.0000026057807644974673],
};
// With fused multiply-adds (VecOps.fma) each part is one FMA that rounds once, so parts can be
// full width: float32 π/2 (or π) in two 24-bit parts and a tail, r = fma(−n, P1, x) (exact where
// it matters: for |x| ≥ 2, x and n·P1 are multiples of ulp(P1) and |r| < 2), then P2, P3.
// Three FMAs where the exact kernels take four parts of a multiply and a subtract each. (Two
// parts measured 4.9 ulp at |x| ≈ 1e4, near the zeros of sin; three keep the exact kernels' 2.)
// float64: two 53-bit parts (what is left, times |n| < 2^20, is below 1e-25).
const FMA_PARTS = {
  float32: { pio2: splitHalfPi(24, 2), pi: splitHalfPi(24, 2, false) },
  float64: { pio2: splitHalfPi(53, 1, true, 53) },
};
const F64 = {
  pio2: [1.57079632673412561417e+00, 6.07710050630396597660e-11, 2.02226624871116645580e-21],
  sin: [-1.66666666666666324348e-01, 8.33333333332248946124e-03, -1.98412698298579493134e-04,
    2.75573137070700676789e-06, -2.50507602534068634195e-08, 1.58969099521155010221e-10],
  cos: [4.16666666666666019037e-02, -1.38888888888741095749e-03, 2.48015872894767294178e-05,
    -2.75573143513906633035e-07, 2.08757232129817482790e-09, -1.13596475577881948265e-11],
};

/**
 * sin x and cos x per lane, sharing one range reduction (reverse-mode tapes almost always need
 * both: sin' = cos). x = n·π/2 + r with |r| ≤ π/4 by a three-part Cody–Waite reduction, then the
 * cephes sinf/cosf (float32) or fdlibm __kernel_sin/__kernel_cos (float64) polynomials on r, and
 * n mod 4 (from roundToInteger's bits) picks and signs them.
 * The reduction is exact up to its last part while |n| < 2^13 (|x| ≤ 12867) in float32 and
 * |n| < 2^20 (|x| ≤ 1.6e6) in float64; lanes beyond that go to Math.sin/cos (withSlowPath).
 * ±∞ and NaN give NaN. Measured error (test/kernels/vmath.test.ts): ≤ 2 ulp f32, ≤ 1 ulp f64 in range.
 */
export function sinCosLanes(L: Lanes, x: V, onBig?: OnBig): { sin: V; cos: V } {
  const C = L.bits === 32 ? F32 : F64;
  const { n, bits: q } = roundToInteger(L, L.mul(x, L.c(2 / Math.PI)));
  let r = x;
  for (const p of L.fma ? FMA_PARTS[L.bits === 32 ? 'float32' : 'float64'].pio2 : C.pio2) r = L.sub(r, L.mul(n, L.c(p)));
  const z = L.mul(r, r);
  const s = L.add(r, L.mul(L.mul(r, z), L.poly(z, C.sin)));
  let c: V;
  if (L.bits === 32) {
    c = L.add(L.sub(L.mul(L.mul(z, z), L.poly(z, C.cos)), L.mul(L.c(0.5), z)), L.c(1));
  } else {
    // fdlibm: w = 1 − z/2 rounded, plus what that rounding lost, plus z²·C(z).
    const hz = L.mul(L.c(0.5), z);
    const w = L.sub(L.c(1), hz);
    const tail = L.add(L.sub(L.sub(L.c(1), w), hz), L.mul(L.mul(z, z), L.poly(z, C.cos)));
    c = L.add(w, tail);
  }
  // n mod 4 from the bits: bit 0 (odd n) exchanges sin and cos, bit 1 negates sin, and cos is
  // negated when bit 1 of n + 1 is set, i.e. when bit 1 xor bit 0 of n is.
  const sinSign = L.and(L.ishl(q, L.bits - 2), L.signBit);
  const oddBit = L.ishl(q, L.bits - 1);
  const swap = L.ishrS(oddBit, L.bits - 1);
  const flip = L.and(L.xor(s, c), swap);
  const fast = {
    sin: L.xor(L.xor(s, flip), sinSign),
    cos: L.xor(L.xor(c, flip), L.xor(sinSign, oddBit)),
  };
  return withSlowPath(L, x, fast, onBig);
}

/**
 * sin x alone, for tapes that need no cosine of x (the gradient of a cos term): float32 reduces
 * by π instead of π/2, x = n·π + r with |r| ≤ π/2, so one polynomial serves every lane and
 * sin x = (−1)^n·sin r: about two thirds of sinCosLanes' operations. Same range, same slow path
 * beyond it; measured error ≤ 2 ulp (test/kernels/vmath.test.ts, 'sinOnly'). float64 lanes use
 * sinCosLanes.
 */
export function sinLanes(L: Lanes, x: V, onBig?: OnBig): V {
  if (L.bits !== 32) return sinCosLanes(L, x, onBig).sin;
  const n = L.nearest(L.mul(x, L.c(1 / Math.PI)));
  let r = x;
  for (const p of L.fma ? FMA_PARTS.float32.pi : F32_SIN.pi) r = L.sub(r, L.mul(n, L.c(p)));
  const z = L.mul(r, r);
  const s = L.add(r, L.mul(L.mul(r, z), L.poly(z, F32_SIN.sin)));
  // Odd n negates: n + 1.5·2^23 has n's parity in its lowest bit (|n| < 2^22 in the fast range),
  // moved to the sign bit.
  const fast = L.xor(s, L.ishl(L.add(n, L.c(1.5 * 2 ** 23)), 31));
  return withSlowPath(L, x, { sin: fast, cos: fast }, onBig).sin;
}

/**
 * What a caller of the fast kernels says about the lanes beyond the exact reduction: a function
 * that takes their mask (and redoes the work with the slow path when any is set), or 'in-range'
 * where no lane whose result is used can be beyond it (the step kernels' sines of arguments
 * bounded on the escape box: a start outside the box ends at that step and its values are
 * recomputed with the slow path): no test at all.
 */
export type OnBig = ((big: V) => void) | 'in-range';

/** The |x| below which the fast sin and cos are exact up to their last part (withSlowPath). */
export function trigFastLimit(f32: boolean): number {
  return (Math.PI / 2) * 2 ** (f32 ? 13 : 20);
}

/**
 * Lanes beyond the exact reduction (|n| ≥ 2^13 f32, 2^20 f64, and ±∞) take the platform's sin
 * and cos (wasm: Math.sin/cos through imports, lane by lane; WGSL: the builtins). The branch is
 * never taken for arguments in range, so it costs one compare and a test per vector.
 * With `onBig`, no branch is emitted: the mask of those lanes goes to onBig and the fast values
 * are returned as they are (the caller redoes the computation with the slow path when any lane
 * is set: cpu/step-module.ts keeps the calls out of its hot loop that way).
 */
function withSlowPath(L: Lanes, x: V, fast: { sin: V; cos: V }, onBig?: OnBig): { sin: V; cos: V } {
  if (onBig === 'in-range') return fast;
  const limit = trigFastLimit(L.f32);
  // |x| > limit as two compares (false for NaN either way): no abs mask to materialise.
  const big = L.or(L.gt(x, L.c(limit)), L.lt(x, L.c(-limit)));
  if (onBig) {
    onBig(big);
    return fast;
  }
  const sin = L.variable(fast.sin);
  const cos = L.variable(fast.cos);
  L.when(big, () => {
    const slow = L.platformSinCos(x);
    sin.set(L.sel(big, slow.sin, sin.v));
    cos.set(L.sel(big, slow.cos, cos.v));
  });
  return { sin: L.let(sin.v.get()), cos: L.let(cos.v.get()) };
}
