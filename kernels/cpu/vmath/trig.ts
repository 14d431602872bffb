import type { Lanes, V } from '../lanes.ts';
import { shifterBits } from './exp.ts';

// π/2 split so that n·P1 and n·P2 are exact for the n in range (cephes' DP1..3 ×2 in float32,
// fdlibm's 33+33+53-bit pio2_1, pio2_2, pio2_3 in float64).
const F32 = {
  pio2: [1.5703125, 4.837512969970703125e-4, 7.54978995489188216e-8],
  sin: [-1.6666654611e-1, 8.3321608736e-3, -1.9515295891e-4],
  cos: [4.166664568298827e-2, -1.388731625493765e-3, 2.443315711809948e-5],
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
 * n mod 4 (read from the rounding shifter's low bits) picks and signs them.
 * Valid range: the reduction is exact while n·P2 is, |x| ≤ 8192 in float32 and |x| ≤ 1.6e6 in
 * float64; beyond that the error grows with |x| (as an absolute error of about |x|·2^-37 for f32).
 * ±∞ and NaN give NaN. Measured error (test/kernels/vmath.test.ts): ≤ 2 ulp f32, ≤ 1 ulp f64 in range.
 */
export function sinCosLanes(L: Lanes, x: V): { sin: V; cos: V } {
  const C = L.bits === 32 ? F32 : F64;
  const shifter = 1.5 * 2 ** L.mant;
  const t = L.add(L.mul(x, L.c(2 / Math.PI)), L.c(shifter));
  const n = L.sub(t, L.c(shifter));
  const r = L.sub(L.sub(L.sub(x, L.mul(n, L.c(C.pio2[0]))), L.mul(n, L.c(C.pio2[1]))), L.mul(n, L.c(C.pio2[2])));
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
  const q = L.isub(t, L.ci(shifterBits(L)));
  const one = L.ci(1n);
  const two = L.ci(2n);
  const swap = L.ieq(L.and(q, one), one);
  const toSign = (v: V) => L.ishl(L.and(v, two), L.bits - 2);
  return {
    sin: L.xor(L.sel(swap, c, s), toSign(q)),
    cos: L.xor(L.sel(swap, s, c), toSign(L.iadd(q, one))),
  };
}
