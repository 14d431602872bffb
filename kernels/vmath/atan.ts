import type { VecOps as Lanes, V } from '../vector-ops.ts';

// cephes atanf (float32) and atan (float64, a rational P/Q), coefficients lowest degree first.
const F32 = { mid: 0.4142135623730950, poly: [-3.33329491539e-1, 1.99777106478e-1, -1.38776856032e-1, 8.05374449538e-2] };
const F64 = {
  mid: 0.66,
  P: [-6.485021904942025371773e1, -1.228866684490136173410e2, -7.500855792314704667340e1, -1.615753718733365076637e1, -8.750608600031904122785e-1],
  Q: [1.945506571482613964425e2, 4.853903996359136964868e2, 4.328810604912902668951e2, 1.650270098316988542046e2, 2.485846490142306297962e1, 1],
};
const TAN_3PI_8 = 2.414213562373095;

/** Low parts of π, π/2, π/4 beyond float64 (π − fl64(π) and its halves). */
const PI_LO64 = 1.2246467991473532e-16;

/** A multiple of π as hi + lo of the lane type, so that π/2 − r keeps its last bit. */
function split(L: Lanes, v: number): [V, V] {
  const hi = L.f32 ? Math.fround(v) : v;
  const lo = L.f32 ? v - hi : (PI_LO64 * v) / Math.PI;
  return [L.c(hi), L.c(lo)];
}

/**
 * atan |x| for a ≥ 0 (or NaN): reduction to |u| ≤ tan(π/8) (f32) / 0.66 (f64) by
 * atan a = π/2 + atan(−1/a) or π/4 + atan((a−1)/(a+1)), one division for all three cases.
 */
function atanAbs(L: Lanes, a: V): V {
  const f32 = L.bits === 32;
  const big = L.gt(a, L.c(TAN_3PI_8));
  const mid = L.andNot(L.gt(a, L.c(f32 ? F32.mid : F64.mid)), big);
  const num = L.sel(big, L.c(-1), L.sel(mid, L.sub(a, L.c(1)), a));
  const den = L.sel(big, a, L.sel(mid, L.add(a, L.c(1)), L.c(1)));
  const u = L.div(num, den);
  const z = L.mul(u, u);
  let y = f32
    ? L.add(L.mul(L.mul(L.poly(z, F32.poly), z), u), u)
    : L.add(L.mul(u, L.div(L.mul(z, L.poly(z, F64.P)), L.poly(z, F64.Q))), u);
  // The offset π/2 or π/4 in two parts: its rounding error would otherwise be a full ulp of the
  // result wherever y nearly cancels it (cephes' MOREBITS).
  const [pio2hi, pio2lo] = split(L, Math.PI / 2);
  const [pio4hi, pio4lo] = split(L, Math.PI / 4);
  y = L.add(y, L.sel(big, pio2lo, L.sel(mid, pio4lo, L.c(0))));
  return L.add(L.sel(big, pio2hi, L.sel(mid, pio4hi, L.c(0))), y);
}

function copySign(L: Lanes, magnitude: V, signOf: V): V {
  return L.or(magnitude, L.and(signOf, L.signBit));
}

/** atan x per lane. Measured error: ≤ 2 ulp f32, ≤ 2 ulp f64 (test/kernels/vmath.test.ts). */
export function atanLanes(L: Lanes, x: V): V {
  return copySign(L, atanAbs(L, L.abs(x)), x);
}

/**
 * atan2(y, x) per lane, Math.atan2's quadrants and signed zeros: atan of min/max of |y|, |x| (so
 * the argument is in [0, 1] and never overflows), reflected by π/2 − r and π − r in two-part π.
 */
export function atan2Lanes(L: Lanes, y: V, x: V): V {
  const ax = L.abs(x);
  const ay = L.abs(y);
  const mx = L.max(ax, ay);
  const mn = L.min(ax, ay);
  let r = atanAbs(L, L.div(mn, mx));
  const [pio2hi, pio2lo] = split(L, Math.PI / 2);
  const [pihi, pilo] = split(L, Math.PI);
  r = L.sel(L.gt(ay, ax), L.add(L.sub(pio2hi, r), pio2lo), r);
  const xNeg = L.ieq(L.and(x, L.signBit), L.signBit);
  r = L.sel(xNeg, L.add(L.sub(pihi, r), pilo), r);
  // 0/0 and ∞/∞ have no ratio: atan2(±0, ±0) is 0 or π, atan2(±∞, ±∞) is π/4 or 3π/4.
  const zeros = L.eq(mx, L.c(0));
  r = L.sel(zeros, L.sel(xNeg, L.c(Math.PI), L.c(0)), r);
  const infs = L.and(L.eq(ax, L.inf), L.eq(ay, L.inf));
  r = L.sel(infs, L.sel(xNeg, L.c((3 * Math.PI) / 4), L.c(Math.PI / 4)), r);
  return copySign(L, r, y);
}

/** asin x = atan(x / √((1−x)(1+x))): ≤ 3 ulp; |x| > 1 gives NaN through the square root. */
export function asinLanes(L: Lanes, x: V): V {
  const one = L.c(1);
  return atanLanes(L, L.div(x, L.sqrt(L.mul(L.sub(one, x), L.add(one, x)))));
}

/** acos x = 2·atan √((1−x)/(1+x)): ≤ 3 ulp; acos(−1) = π through atan(∞). */
export function acosLanes(L: Lanes, x: V): V {
  const one = L.c(1);
  return L.mul(L.c(2), atanAbs(L, L.sqrt(L.div(L.sub(one, x), L.add(one, x)))));
}
