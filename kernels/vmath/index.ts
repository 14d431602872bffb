import type { VecOps as Lanes, V } from '../vector-ops.ts';
import { acosLanes, asinLanes, atan2Lanes, atanLanes } from './atan.ts';
import { expLanes } from './exp.ts';
import { coshLanes, sinhLanes, tanhLanes } from './hyperbolic.ts';
import { logLanes } from './log.ts';
import { powLanes } from './pow.ts';
import { sinCosLanes, sinLanes } from './trig.ts';

export { acosLanes, asinLanes, atan2Lanes, atanLanes, coshLanes, expLanes, logLanes, powLanes, sinCosLanes, sinhLanes, sinLanes, tanhLanes };

/** The one-argument functions, by tape op name (sin/cos/tan go through sinCosLanes). */
export const UNARY_MATH: Record<string, (L: Lanes, x: V) => V> = {
  exp: expLanes,
  log: logLanes,
  sin: (L, x) => sinCosLanes(L, x).sin,
  cos: (L, x) => sinCosLanes(L, x).cos,
  tan: (L, x) => {
    const { sin, cos } = sinCosLanes(L, x);
    return L.div(sin, cos);
  },
  asin: asinLanes,
  acos: acosLanes,
  atan: atanLanes,
  sinh: sinhLanes,
  cosh: coshLanes,
  tanh: tanhLanes,
};

/** Every function of the library, as the accuracy tests call them; sinOnly: sinLanes (the step's sine-only kernel). */
export type MathFn = keyof typeof UNARY_MATH | 'atan2' | 'pow' | 'sinOnly';
export const MATH_FUNCTIONS = [...Object.keys(UNARY_MATH), 'atan2', 'pow', 'sinOnly'] as MathFn[];

/** One function of the library on lanes, by name. */
export function mathLanes(L: Lanes, name: MathFn, x: V, y: V): V {
  return name === 'atan2' ? atan2Lanes(L, x, y) : name === 'pow' ? powLanes(L, x, y) : name === 'sinOnly' ? sinLanes(L, x) : UNARY_MATH[name](L, x);
}
