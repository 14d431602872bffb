import { beforeAll, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { buildTape } from '../../kernels/ad/build.ts';
import { compileCpu } from '../../kernels/cpu/codegen/compile.ts';
import { evaluateCpu } from '../../kernels/cpu/runtime/run.ts';
import { evaluateWebGPU } from '../../kernels/webgpu/engine.ts';
import { libraryCases, NAMED, pointsIn, randomCases, show } from './support/expressions.ts';
import { descentOptions, tfValueAndGrad } from './support/oracle.ts';
import { close, magnitudeScale } from './support/tolerance.ts';
import { describeWebGPU } from './support/webgpu.ts';

/**
 * f and ∇f from one evaluation of the generated WGSL match tf.grad within the float32 tolerance
 * of gradients-cpu.test.ts, and agree with the wasm float32 kernel (both are emitted from the
 * same lane operations; where the device's division, sqrt or fused multiply-adds round
 * differently they differ by ulps). tf.grad runs on tfjs's cpu backend: tfjs-webgpu's own
 * kernels use WGSL builtins (acos, atan...) that llvmpipe computes to only ~1e-4 relative, which
 * would make the oracle less accurate than the code under test.
 */
const CASES = [...NAMED, ...libraryCases(), ...randomCases(20, 2024)];
const POINTS = 48;

describeWebGPU('fused WGSL f and ∇f', () => {
  const oracle: Array<Awaited<ReturnType<typeof tfValueAndGrad>>> = [];
  beforeAll(async () => {
    await useBackend('cpu');
    for (const [k, c] of CASES.entries()) oracle.push(await tfValueAndGrad(c.expr, c.d, pointsIn(c.box, POINTS, 100 + k)));
    await useBackend('webgpu');
  });
  CASES.forEach((c, k) => {
    it(`${c.name}: matches tf.grad and the wasm kernel`, async () => {
      const tape = buildTape(c.expr, c.d);
      const pts = pointsIn(c.box, POINTS, 100 + k);
      const ref = oracle[k];
      const [gpu, cpu] = await Promise.all([
        evaluateWebGPU(tape, pts),
        compileCpu(tape, descentOptions(c.box), 'float32').then((kernel) => evaluateCpu(kernel, pts)),
      ]);
      for (let i = 0; i < POINTS; i++) {
        const x = Array.from(pts.subarray(i * c.d, (i + 1) * c.d));
        const scale = magnitudeScale(tape, x);
        const where = `${show(c.expr)} at [${x.join(', ')}]`;
        expect(close(gpu.f[i], ref.f[i], 2e-5, 2e-6 * scale), `f ${gpu.f[i]} vs tf ${ref.f[i]}: ${where}`).toBe(true);
        expect(close(gpu.f[i], cpu.f[i], 2e-5, 2e-6 * scale), `f ${gpu.f[i]} vs wasm ${cpu.f[i]}: ${where}`).toBe(true);
        for (let j = 0; j < c.d; j++) {
          const [got, want, wasm] = [gpu.grad[i * c.d + j], ref.grad[i * c.d + j], cpu.grad[i * c.d + j]];
          expect(close(got, want, 2e-5, 2e-6 * scale), `∂${j} ${got} vs tf ${want}: ${where}`).toBe(true);
          expect(close(got, wasm, 2e-5, 2e-6 * scale), `∂${j} ${got} vs wasm ${wasm}: ${where}`).toBe(true);
        }
      }
    });
  });
});
