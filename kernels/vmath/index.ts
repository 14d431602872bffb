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
