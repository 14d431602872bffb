import { beforeAll, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { buildTape } from '../../kernels/ad/build.ts';
import { evalTape } from '../../kernels/ad/interpret.ts';
import { compileCpu } from '../../kernels/cpu/codegen/compile.ts';
import { evaluateCpu } from '../../kernels/cpu/runtime/run.ts';
import { compileNative, evaluateNative } from '../../kernels/native/engine.ts';
import { libraryCases, NAMED, pointsIn, randomCases, show } from './support/expressions.ts';
import { bitDifferences, describeNative } from './support/native.ts';
import { descentOptions, tfValueAndGrad } from './support/oracle.ts';
import { close, magnitudeScale } from './support/tolerance.ts';

/**
 * f and ∇f from one evaluation of the generated C match tf.grad (float32) and the tape run in
 * float64 (float64 kernels), with the tolerances the wasm engine is held to (gradients-cpu.test.ts
 * says why they are what they are); and they are the wasm engine's, bit for bit: the same
 * generators emit the same operations, and the C is compiled without FMA contraction.
 */
const CASES = [...NAMED, ...libraryCases(), ...randomCases(20, 2024)];
const POINTS = 48;

beforeAll(async () => {
  await useBackend('cpu');
});

describeNative('native f and ∇f', () => {
  CASES.forEach((c, k) => {
    it(`${c.name}: float32 matches tf.grad and wasm bit for bit, float64 matches the float64 tape and wasm`, async () => {
      const tape = buildTape(c.expr, c.d);
      const pts = pointsIn(c.box, POINTS, 100 + k);
      const opts = descentOptions(c.box);
      const [ref, n32, n64, w32, w64] = await Promise.all([
        tfValueAndGrad(c.expr, c.d, pts),
        compileNative(tape, opts, 'float32', { evaluateOnly: true }).then((kn) => evaluateNative(kn, pts)),
        compileNative(tape, opts, 'float64', { evaluateOnly: true }).then((kn) => evaluateNative(kn, pts)),
        compileCpu(tape, opts, 'float32').then((kc) => evaluateCpu(kc, pts)),
        compileCpu(tape, opts, 'float64').then((kc) => evaluateCpu(kc, pts)),
      ]);
      for (let i = 0; i < POINTS; i++) {
        const x = Array.from(pts.subarray(i * c.d, (i + 1) * c.d));
        const scale = magnitudeScale(tape, x);
        const exact = evalTape(tape, x);
        const where = `${show(c.expr)} at [${x.join(', ')}]`;
        expect(close(n32.f[i], ref.f[i], 2e-5, 2e-6 * scale), `f32 f ${n32.f[i]} vs tf ${ref.f[i]}: ${where}`).toBe(true);
        expect(close(n64.f[i], exact.f, 1e-11, 1e-13 * scale), `f64 f ${n64.f[i]} vs ${exact.f}: ${where}`).toBe(true);
        for (let j = 0; j < c.d; j++) {
          const got = n32.grad[i * c.d + j];
          expect(close(got, ref.grad[i * c.d + j], 2e-5, 2e-6 * scale), `f32 ∂${j} ${got} vs tf ${ref.grad[i * c.d + j]}: ${where}`).toBe(true);
          expect(close(n64.grad[i * c.d + j], exact.grad[j], 1e-11, 1e-13 * scale), `f64 ∂${j} ${n64.grad[i * c.d + j]} vs ${exact.grad[j]}: ${where}`).toBe(true);
        }
      }
      expect(bitDifferences(n32.f, w32.f), 'float32 f differs from wasm').toEqual([]);
      expect(bitDifferences(n32.grad, w32.grad), 'float32 ∇f differs from wasm').toEqual([]);
      expect(bitDifferences(n64.f, w64.f), 'float64 f differs from wasm').toEqual([]);
      expect(bitDifferences(n64.grad, w64.grad), 'float64 ∇f differs from wasm').toEqual([]);
    });
  });
});
