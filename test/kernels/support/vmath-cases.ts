import type { MathFn } from '../../../kernels/vmath/index.ts';
import { rng, ulpError } from './ulp.ts';

/**
 * The accuracy cases of the vector math library (vmath.test.ts: the wasm kernels; vmath-native.test.ts:
 * the C kernels, exact and native-fast): ranges sampled, the bound in ulps per dtype, the exact value.
 */
export type Case = { fn: MathFn; ranges: Array<[number, number]>; log?: boolean; y?: [number, number]; bound: { float32: number; float64: number }; amplified?: boolean };

export const CASES: Case[] = [
  { fn: 'exp', ranges: [[-87, 88.7], [-1, 1]], bound: { float32: 1, float64: 1 } },
  { fn: 'log', ranges: [[1e-37, 3e38], [0.5, 2]], log: true, bound: { float32: 1, float64: 1 } },
  { fn: 'sin', ranges: [[-12000, 12000], [-4, 4], [-1e9, 1e9]], bound: { float32: 2, float64: 2 } },
  { fn: 'sinOnly', ranges: [[-12000, 12000], [-4, 4], [-1e9, 1e9]], bound: { float32: 2, float64: 2 } },
  { fn: 'cos', ranges: [[-12000, 12000], [-4, 4], [-1e9, 1e9]], bound: { float32: 2, float64: 2 } },
  { fn: 'tan', ranges: [[-1.5, 1.5], [-100, 100]], bound: { float32: 3, float64: 3 } },
  { fn: 'asin', ranges: [[-1, 1], [-0.01, 0.01]], bound: { float32: 3, float64: 3 } },
  { fn: 'acos', ranges: [[-1, 1], [0.99, 1]], bound: { float32: 3, float64: 3 } },
  { fn: 'atan', ranges: [[-1e4, 1e4], [-3, 3]], bound: { float32: 2, float64: 2 } },
  { fn: 'sinh', ranges: [[-88, 88], [-1.5, 1.5]], bound: { float32: 2, float64: 2 } },
  { fn: 'cosh', ranges: [[-88, 88], [-1.5, 1.5]], bound: { float32: 2, float64: 2 } },
  { fn: 'tanh', ranges: [[-20, 20], [-1, 1]], bound: { float32: 2, float64: 2 } },
  { fn: 'atan2', ranges: [[-100, 100], [-1, 1]], y: [-100, 100], bound: { float32: 3, float64: 2 } },
  // float64 pow's error grows with |y·ln x| (pow.ts): the bound is 2 + 2·|y·ln x| ulp there.
  { fn: 'pow', ranges: [[0.01, 20]], y: [-8, 8], bound: { float32: 1, float64: 2 }, amplified: true },
];

export const N = 20_000;

export function sample(c: Case, dtype: 'float32' | 'float64', seed: number) {
  const r = rng(seed);
  const round = dtype === 'float32' ? Math.fround : (v: number) => v;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [lo, hi] of c.ranges) {
    for (let i = 0; i < N / c.ranges.length; i++) {
      const u = r();
      xs.push(round(c.log ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo)));
      ys.push(round(c.y ? c.y[0] + r() * (c.y[1] - c.y[0]) : 0));
    }
  }
  return { xs, ys };
}

/** Errors are divided by this before comparing with the bound (float64 pow's amplification). */
export const scale = (c: Case, dtype: string, x: number, y: number) => {
  const amplification = Math.abs(y * Math.log(Math.abs(x)));
  return c.amplified && dtype === 'float64' && Number.isFinite(amplification) ? c.bound.float64 / (2 + 2 * amplification) : 1;
};

export const exact = (fn: MathFn, x: number, y: number): number => (fn === 'atan2' ? Math.atan2(x, y) : fn === 'pow' ? Math.pow(x, y) : fn === 'sinOnly' ? Math.sin(x) : (Math as unknown as Record<string, (v: number) => number>)[fn](x));

/**
 * The largest error of a math library's answers `got` over a case's sample, in ulps of the dtype
 * (scaled where the function amplifies its input's rounding), where it is, and the line a failed
 * assertion prints.
 */
export function worstError(c: Case, dtype: 'float32' | 'float64', xs: ArrayLike<number>, ys: ArrayLike<number>, got: ArrayLike<number>) {
  let worst = 0;
  let at = 0;
  for (let i = 0; i < xs.length; i++) {
    const e = ulpError(got[i], exact(c.fn, xs[i], ys[i]), dtype) * scale(c, dtype, xs[i], ys[i]);
    if (e > worst) [worst, at] = [e, i];
  }
  const where = `x=${xs[at]}${c.y ? `, y=${ys[at]}` : ''}`;
  const message = `${c.fn}(${xs[at]}${c.y ? `, ${ys[at]}` : ''}) = ${got[at]}, want ${exact(c.fn, xs[at], ys[at])}`;
  return { worst, where, message };
}
