import type { VecOps as Lanes, V } from '../vector-ops.ts';
import { expLanes } from './exp.ts';

// cephes sinhf/tanhf polynomials (float32) and sinh/tanh rationals (float64) for small |x|,
// lowest degree first; the rationals' Q is monic.
const F32 = {
  sinh: [1.66667160211e-1, 8.33028376239e-3, 2.03721912945e-4],
  tanh: [-3.33332819422e-1, 1.33314422036e-1, -5.37397155531e-2, 2.06390887954e-2, -5.70498872745e-3],
};
const F64 = {
  sinhP: [-3.51754964808151394800e5, -1.15614435765005216044e4, -1.63725857525983828727e2, -7.89474443963537015605e-1],
  sinhQ: [-2.11052978884890840399e6, 3.61578279834431989373e4, -2.77711081420602794433e2, 1],
  tanhP: [-1.61468768441708447952e3, -9.92877231001918586564e1, -9.64399179425052238628e-1],
  tanhQ: [4.84406305325125486048e3, 2.23548839060100448583e3, 1.12811678491632931402e2, 1],
};

/** x + x·z·R(z), z = x², the small-argument form both sinh and tanh use. */
function oddSeries(L: Lanes, x: V, poly: (z: V) => V): V {
  const z = L.mul(x, x);
  return L.add(L.mul(L.mul(poly(z), z), x), x);
}

function copySign(L: Lanes, magnitude: V, signOf: V): V {
  return L.or(magnitude, L.and(signOf, L.signBit));
}

/**
 * cosh x = (e^|x| + e^−|x|)/2. Overflows to ∞ where e^|x| does (|x| > 88.72 f32), slightly
 * before cosh itself would. Measured error ≤ 2 ulp.
 */
export function coshLanes(L: Lanes, x: V): V {
  const e = expLanes(L, L.abs(x));
  return L.add(L.mul(L.c(0.5), e), L.div(L.c(0.5), e));
}

/** sinh x: series below |x| = 1 (no cancellation), (e^|x| − e^−|x|)/2 above. ≤ 2 ulp. */
export function sinhLanes(L: Lanes, x: V): V {
  const a = L.abs(x);
  const small = L.f32 ? oddSeries(L, a, (z) => L.poly(z, F32.sinh)) : oddSeries(L, a, (z) => L.div(L.poly(z, F64.sinhP), L.poly(z, F64.sinhQ)));
  const e = expLanes(L, a);
  const large = L.sub(L.mul(L.c(0.5), e), L.div(L.c(0.5), e));
  return copySign(L, L.sel(L.lt(a, L.c(1)), small, large), x);
}

/** tanh x: series below |x| = 0.625, 1 − 2/(e^2|x| + 1) above (→ 1 when e^2|x| overflows). ≤ 2 ulp. */
export function tanhLanes(L: Lanes, x: V): V {
  const a = L.abs(x);
  const small = L.f32 ? oddSeries(L, a, (z) => L.poly(z, F32.tanh)) : oddSeries(L, a, (z) => L.div(L.poly(z, F64.tanhP), L.poly(z, F64.tanhQ)));
  const e = expLanes(L, L.add(a, a));
  const large = L.sub(L.c(1), L.div(L.c(2), L.add(e, L.c(1))));
  return copySign(L, L.sel(L.lt(a, L.c(0.625)), small, large), x);
}
