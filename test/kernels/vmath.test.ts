import { describe, expect, it } from 'vitest';
import { mathModule } from '../../kernels/cpu/codegen/math-module.ts';
import { ulpError } from './support/ulp.ts';
import { CASES, exact, sample, scale, worstError } from './support/vmath-cases.ts';

/**
 * Accuracy of the wasm SIMD math library against Math.* in float64 (which V8 computes to within
 * 1 ulp of float64, far below a float32 ulp). Float32 errors are measured against the exact value
 * of the float32 input; float64 errors against Math.* itself, so they include Math's own ≤ 1 ulp.
 * The bounds asserted here are the ones documented in kernels/cpu/vmath/.
 */
for (const dtype of ['float32', 'float64'] as const) {
  describe(`vector math, ${dtype}`, async () => {
    const apply = await mathModule(dtype);
    const table: string[] = [];
    for (const c of CASES) {
      it(`${c.fn} within ${c.bound[dtype]} ulp`, () => {
        const { xs, ys } = sample(c, dtype, 7);
        const { worst, where, message } = worstError(c, dtype, xs, ys, apply(c.fn, xs, ys));
        table.push(`${dtype} ${c.fn.padEnd(5)} max ${worst.toFixed(2)} ulp (at ${where})`);
        expect(worst, message).toBeLessThanOrEqual(c.bound[dtype]);
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
