import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { buildTape } from '../../kernels/ad/build.ts';
import { evalTape } from '../../kernels/ad/interpret.ts';
import { compileCpu } from '../../kernels/cpu/codegen/compile.ts';
import { evaluateCpu } from '../../kernels/cpu/runtime/run.ts';
import { libraryCases, NAMED, pointsIn, randomCases, show } from './support/expressions.ts';
import { descentOptions, tfValueAndGrad } from './support/oracle.ts';
import { close, magnitudeScale } from './support/tolerance.ts';

/**
 * f and ∇f from one evaluation of the generated SIMD code match tf.grad (float32) and the tape
 * run in float64 (float64 kernels). Float32 tolerance: 2e-5 relative plus 2e-6 of the largest
 * intermediate magnitude at the point (two float32 evaluations that order their operations
 * differently disagree by a few ulps of the largest cancelling term; a wrong derivative is off
 * by O(1); the largest error seen is 4% of this bound). Float64: 1e-11 relative plus 1e-13 of that scale.
 */
const CASES = [...NAMED, ...libraryCases(), ...randomCases(20, 2024)];
const POINTS = 48;

beforeAll(async () => {
  await useBackend('cpu');
});

describe('fused CPU (wasm SIMD) f and ∇f', () => {
  CASES.forEach((c, k) => {
    it(`${c.name}: float32 matches tf.grad, float64 matches the float64 tape`, async () => {
      const tape = buildTape(c.expr, c.d);
      const pts = pointsIn(c.box, POINTS, 100 + k);
      const ref = await tfValueAndGrad(c.expr, c.d, pts);
      const k32 = await evaluateCpu(await compileCpu(tape, descentOptions(c.box), 'float32'), pts);
      const k64 = await evaluateCpu(await compileCpu(tape, descentOptions(c.box), 'float64'), pts);
      for (let i = 0; i < POINTS; i++) {
        const x = Array.from(pts.subarray(i * c.d, (i + 1) * c.d));
        const scale = magnitudeScale(tape, x);
        const exact = evalTape(tape, x);
        const where = `${show(c.expr)} at [${x.join(', ')}]`;
        expect(close(k32.f[i], ref.f[i], 2e-5, 2e-6 * scale), `f32 f ${k32.f[i]} vs tf ${ref.f[i]}: ${where}`).toBe(true);
        expect(close(k64.f[i], exact.f, 1e-11, 1e-13 * scale), `f64 f ${k64.f[i]} vs ${exact.f}: ${where}`).toBe(true);
        for (let j = 0; j < c.d; j++) {
          const got = k32.grad[i * c.d + j];
          expect(close(got, ref.grad[i * c.d + j], 2e-5, 2e-6 * scale), `f32 ∂${j} ${got} vs tf ${ref.grad[i * c.d + j]}: ${where}`).toBe(true);
          expect(close(k64.grad[i * c.d + j], exact.grad[j], 1e-11, 1e-13 * scale), `f64 ∂${j} ${k64.grad[i * c.d + j]} vs ${exact.grad[j]}: ${where}`).toBe(true);
        }
      }
    });
  });
});
