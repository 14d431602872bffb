import { describe, expect, it } from 'vitest';
import { mathModule, type MathFn } from '../../kernels/cpu/codegen/math-module.ts';
import { rng, ulpError } from './support/ulp.ts';

/**
 * Accuracy of the wasm SIMD math library against Math.* in float64 (which V8 computes to within
 * 1 ulp of float64, far below a float32 ulp). Float32 errors are measured against the exact value
 * of the float32 input; float64 errors against Math.* itself, so they include Math's own ≤ 1 ulp.
 * The bounds asserted here are the ones documented in kernels/cpu/vmath/.
 */
type Case = { fn: MathFn; ranges: Array<[number, number]>; log?: boolean; y?: [number, number]; bound: { float32: number; float64: number }; amplified?: boolean };

const CASES: Case[] = [
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

const N = 20_000;

function sample(c: Case, dtype: 'float32' | 'float64', seed: number) {
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
const scale = (c: Case, dtype: string, x: number, y: number) => {
  const amplification = Math.abs(y * Math.log(Math.abs(x)));
  return c.amplified && dtype === 'float64' && Number.isFinite(amplification) ? c.bound.float64 / (2 + 2 * amplification) : 1;
};

const exact = (fn: MathFn, x: number, y: number): number => (fn === 'atan2' ? Math.atan2(x, y) : fn === 'pow' ? Math.pow(x, y) : fn === 'sinOnly' ? Math.sin(x) : (Math as unknown as Record<string, (v: number) => number>)[fn](x));

for (const dtype of ['float32', 'float64'] as const) {
  describe(`vector math, ${dtype}`, async () => {
    const apply = await mathModule(dtype);
    const table: string[] = [];
    for (const c of CASES) {
      it(`${c.fn} within ${c.bound[dtype]} ulp`, () => {
        const { xs, ys } = sample(c, dtype, 7);
        const got = apply(c.fn, xs, ys);
        let worst = 0;
        let at = 0;
        xs.forEach((x, i) => {
          const e = ulpError(got[i], exact(c.fn, x, ys[i]), dtype) * scale(c, dtype, x, ys[i]);
          if (e > worst) [worst, at] = [e, i];
        });
        table.push(`${dtype} ${c.fn.padEnd(5)} max ${worst.toFixed(2)} ulp (at x=${xs[at]}${c.y ? `, y=${ys[at]}` : ''})`);
        expect(worst, `${c.fn}(${xs[at]}${c.y ? `, ${ys[at]}` : ''}) = ${got[at]}, want ${exact(c.fn, xs[at], ys[at])}`).toBeLessThanOrEqual(c.bound[dtype]);
      });
    }
    it('special values follow Math.*', () => {
      const specials = [0, -0, 1, -1, Infinity, -Infinity, NaN, 0.5, -0.5, 2, -2, 1e-40, 1e-310];
      for (const c of CASES) {
        for (const y of c.y ? specials : [0]) {
          const ys = specials.map(() => y);
          const got = apply(c.fn, specials, ys);
          specials.forEach((x, i) => {
            const want = exact(c.fn, x, y);
            if (dtype === 'float32' && [x, y].some((v) => Math.abs(v) < 1e-38 && v !== 0)) return; // rounds to 0 in float32
            if (dtype === 'float32' && !Number.isFinite(want) !== !Number.isFinite(Math.fround(want))) return;
            // C's pow (and tfjs wasm's) gives pow(1, y) = 1 and pow(−1, ±∞) = 1 where Math.pow gives
            // NaN; the kernels follow C.
            if (c.fn === 'pow' && (x === 1 || (x === -1 && !Number.isFinite(y) && !Number.isNaN(y)))) return;
            const err = ulpError(got[i], dtype === 'float32' ? Math.fround(want) : want, dtype) * scale(c, dtype, x, y);
            expect(err, `${c.fn}(${x}${c.y ? `, ${y}` : ''}) = ${got[i]}, want ${want}`).toBeLessThanOrEqual(c.bound[dtype] + 1);
          });
        }
      }
      console.log(table.join('\n'));
    });
  });
}
