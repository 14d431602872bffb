import { Lanes, type V } from '../lanes.ts';
import { expLanes } from './exp.ts';
import { logLanes } from './log.ts';

/**
 * x^y per lane with C's pow special cases (as tfjs's wasm backend): y = 0 or x = 1 give 1 (even
 * with NaN; Math.pow says NaN for 1^NaN and 1^∞), a negative finite x needs an integer y (sign
 * (−1)^y) or gives NaN, zeros and infinities follow from e^(y·ln|x|).
 * The magnitude e^(y·ln|x|) amplifies the error of ln|x| by |y·ln x|, so float32 lanes compute it
 * in float64 lanes (two f64x2 per f32x4) and round once: ≤ 1 ulp f32 whenever the result is a
 * normal number. Float64 lanes have no wider type here: the error is about (2 + |y·ln x|) ulp.
 */
export function powLanes(L: Lanes, x: V, y: V): V {
  const magnitude = L.f32 ? viaFloat64(L, L.abs(x), y) : expLanes(L, L.mul(y, logLanes(L, L.abs(x))));
  const fy = L.floor(y);
  const isInt = L.eq(fy, y);
  const half = L.mul(y, L.c(0.5));
  const isOdd = L.and(isInt, L.ne(L.floor(half), half));
  const xSign = L.and(x, L.signBit);
  let r = L.xor(magnitude, L.and(xSign, isOdd));
  // A negative finite base needs an integer exponent; (−∞)^y is still ±∞ or ±0.
  r = L.sel(L.andNot(L.and(L.lt(x, L.c(0)), L.finite(x)), isInt), L.c(NaN), r);
  return L.sel(L.or(L.eq(y, L.c(0)), L.eq(x, L.c(1))), L.c(1), r);
}

function viaFloat64(L: Lanes, a: V, y: V): V {
  const D = new Lanes(L.body, 'float64');
  const m = L.m;
  // Lanes 2, 3 moved down so that promote_low can widen them.
  const high = (v: V) => m.i8x16.shuffle(v.get(), v.get(), [8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7]);
  const half = (lo: boolean) => {
    const a64 = D.let(m.f64x2.promote_low_f32x4(lo ? a.get() : high(a)));
    const y64 = D.let(m.f64x2.promote_low_f32x4(lo ? y.get() : high(y)));
    return D.let(m.f32x4.demote_f64x2_zero(expLanes(D, D.mul(y64, logLanes(D, a64))).get()));
  };
  const lo = half(true);
  const hi = half(false);
  return L.let(m.i8x16.shuffle(lo.get(), hi.get(), [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]));
}
