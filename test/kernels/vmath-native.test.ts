import { afterAll, describe, expect, it } from 'vitest';
import { mathModule } from '../../kernels/cpu/codegen/math-module.ts';
import { nativeMathModule } from '../../kernels/native/math-source.ts';
import { bitDifferences, describeNative } from './support/native.ts';
import { CASES, sample, worstError } from './support/vmath-cases.ts';

/**
 * The vector math library as the native kernels compile it (C, this CPU's vectors), measured as
 * vmath.test.ts measures the wasm one: exact native within the same bounds and, in float32, equal
 * to wasm bit for bit; native-fast (fused multiply-adds, three-part float32 reductions) within the
 * same bounds too (measured: kernels/README.md's table). float64 exact is not compared bit for
 * bit: beyond the vector range sin/cos lanes call libm, where wasm calls V8's fdlibm port.
 */
const table: string[] = [];
afterAll(() => console.log(table.join('\n')));

describeNative('native vector math', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    for (const fast of [false, true]) {
      const variant = fast ? 'native-fast' : 'native';
      describe(`${variant}, ${dtype}`, async () => {
        const apply = await nativeMathModule(dtype, fast);
        const wasm = await mathModule(dtype);
        for (const c of CASES) {
          it(`${c.fn} within ${c.bound[dtype]} ulp${!fast && dtype === 'float32' ? ', the wasm library\'s bits' : ''}`, () => {
            const { xs, ys } = sample(c, dtype, 7);
            const got = apply(c.fn, xs, ys);
            const { worst, where, message } = worstError(c, dtype, xs, ys, got);
            table.push(`${variant} ${dtype} ${c.fn.padEnd(7)} max ${worst.toFixed(2)} ulp (at ${where})`);
            expect(worst, message).toBeLessThanOrEqual(c.bound[dtype]);
            if (!fast && dtype === 'float32') expect(bitDifferences(got, wasm(c.fn, xs, ys))).toEqual([]);
          });
        }
      });
    }
  }
});
