import type { ArithOps } from './ops.ts';

/**
 * ArithOps over plain numbers, rounding every result to the dtype (float32 by Math.fround, float64
 * as is): the host's own model of one lane. Used to count an optimizer's state (init's length) and
 * to evaluate optimizers and rules on single values in tests.
 */
export function numberOps(dtype: 'float32' | 'float64' = 'float64'): ArithOps<number> {
  const r = dtype === 'float32' ? Math.fround : (v: number) => v;
  // Masks are 1 / 0, so that they stay numbers.
  const m = (b: boolean) => (b ? 1 : 0);
  return {
    c: (x) => r(x),
    zerosLike: () => 0,
    add: (a, b) => r(a + b),
    sub: (a, b) => r(a - b),
    mul: (a, b) => r(a * b),
    div: (a, b) => r(a / b),
    min: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b)),
    max: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)),
    neg: (a) => -a,
    abs: (a) => Math.abs(a),
    sqrt: (a) => r(Math.sqrt(a)),
    lt: (a, b) => m(a < b),
    le: (a, b) => m(a <= b),
    gt: (a, b) => m(a > b),
    ge: (a, b) => m(a >= b),
    eq: (a, b) => m(a === b),
    and: (a, b) => m(a !== 0 && b !== 0),
    or: (a, b) => m(a !== 0 || b !== 0),
    andNot: (a, b) => m(a !== 0 && b === 0),
    not: (a) => m(a === 0),
    sel: (mask, a, b) => (mask !== 0 ? a : b),
    finite: (a) => m(Number.isFinite(a)),
  };
}
