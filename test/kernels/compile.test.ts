import { STATUS } from '../../core/status.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { parseExpression } from '../../src/objectives/expression/parse.ts';
import { closeCpuPool, compileFused, FusedCompileError } from '../../kernels/index.ts';
import { descentOptions } from './support/oracle.ts';
import { describeNative } from './support/native.ts';
import { describeWebGPU } from './support/webgpu.ts';

/** compileFused: a runner per target, or a FusedCompileError that says why not. */
const HIMMELBLAU = parseExpression('(x^2+y-11)^2+(x+y^2-7)^2').expr;
const BOX: Array<[number, number]> = [[-5, 5], [-5, 5]];

afterAll(async () => {
  await closeCpuPool();
});

describe('compileFused', () => {
  it('builds a cpu runner in float32 and float64', async () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const r = await compileFused(HIMMELBLAU, 2, descentOptions(BOX, 'gd', 0.01), { target: 'cpu', dtype });
      const out = await r.run(new Float32Array([3.5, 1.5, -3, 3]));
      // Both converge (gtol, or a step float32 cannot resolve at x: adam's steps shrink with m̂).
      expect(Array.from(out.status).every((s) => s === STATUS.gtol.code || s === STATUS.xtol.code)).toBe(true);
      expect(out.x[0]).toBeCloseTo(3, 3);
      const ev = await r.evaluate(new Float32Array([3, 2]));
      expect(ev.f[0]).toBe(0);
    }
  });

  it('says why it cannot compile', async () => {
    const opts = descentOptions(BOX, 'gd', 0.01);
    await expect(compileFused(HIMMELBLAU, 3, opts, { target: 'cpu' })).rejects.toThrow(/box has 2 intervals for dimension 3/);
    await expect(compileFused({ op: 'var', index: 4 }, 2, opts, { target: 'cpu' })).rejects.toThrow(/variable x5 is outside dimension 2/);
    await expect(compileFused({ op: 'mod', left: HIMMELBLAU, right: HIMMELBLAU } as never, 2, opts, { target: 'cpu' })).rejects.toThrow(FusedCompileError);
    await expect(compileFused(HIMMELBLAU, 2, opts, { target: 'webgpu', dtype: 'float64' })).rejects.toThrow(/WGSL has no float64/);
    await useBackend('cpu');
    await expect(compileFused(HIMMELBLAU, 2, opts, { target: 'webgpu' })).rejects.toThrow(/active tfjs backend is cpu/);
  });
});

describe('compileFused, cpu target, a very long formula', () => {
  it('refuses a chain deeper than binaryen survives up front, with a FusedCompileError', async () => {
    const opts = descentOptions([[-1, 1]], 'gd', 0.01);
    const long = parseExpression(Array(3000).fill('x^2').join('+')).expr;
    await expect(compileFused(long, 1, opts, { target: 'cpu' })).rejects.toThrow(/builds chains of at most 2000 dependent operations and this formula needs 3001/);
  });
});

describeNative('compileFused, native target', () => {
  it('builds a native runner in float32 and float64', async () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const r = await compileFused(HIMMELBLAU, 2, descentOptions(BOX, 'gd', 0.01), { target: 'native', dtype });
      expect(r.target).toBe('native');
      const out = await r.run(new Float32Array([3.5, 1.5, -3, 3]));
      expect(Array.from(out.status).every((s) => s === STATUS.gtol.code || s === STATUS.xtol.code)).toBe(true);
      expect(out.x[0]).toBeCloseTo(3, 3);
      const ev = await r.evaluate(new Float32Array([3, 2]));
      expect(ev.f[0]).toBe(0);
    }
  });
});

describeWebGPU('compileFused, webgpu target', () => {
  it('builds a runner whose results stay tensors', async () => {
    await useBackend('webgpu');
    const r = await compileFused(HIMMELBLAU, 2, descentOptions(BOX, 'adam', 0.05), { target: 'webgpu' });
    const out = await r.run(new Float32Array([3.5, 1.5, -3, 3]));
    // Both converge (gtol, or a step float32 cannot resolve at x: adam's steps shrink with m̂).
    expect(Array.from(out.status).every((s) => s === STATUS.gtol.code || s === STATUS.xtol.code)).toBe(true);
    expect(r.runTensors).toBeDefined();
  });
});
