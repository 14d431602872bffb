import type { VecOps as Lanes, V } from '../vector-ops.ts';
import { expLanes } from './exp.ts';
import { logLanes } from './log.ts';

/**
 * x^y per lane with C's pow special cases (as tfjs's wasm backend): y = 0 or x = 1 give 1 (even
 * with NaN; Math.pow says NaN for 1^NaN and 1^∞), a negative finite x needs an integer y (sign
 * (−1)^y) or gives NaN, zeros and infinities follow from e^(y·ln|x|).
 * The magnitude e^(y·ln|x|) amplifies the error of ln|x| by |y·ln x|, so where the target has a
 * wider type (wasm f32x4: two f64x2) it is computed there and rounded once: ≤ 1 ulp f32 whenever
 * the result is a normal number. Without one (wasm float64, WGSL) the error is about
 * 2 + 2·|y·ln x| ulp.
 */
export function powLanes(L: Lanes, x: V, y: V): V {
  const a = L.abs(x);
  const magnitude = L.widerExpLog ? L.widerExpLog(a, y) : expLanes(L, L.mul(y, logLanes(L, a)));
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
