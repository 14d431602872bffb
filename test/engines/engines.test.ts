import { describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { DESCENT_DEFAULTS, type DescentOptions } from '../../core/options.ts';
import { chooseEngine } from '../../src/engines/choose.ts';
import { mapBasins } from '../../src/map.ts';
import { findLibraryFunction } from '../../src/objectives/library/index.ts';
import { fromUserModule } from '../../src/objectives/user-module.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { makeStartSet } from '../../src/starts/index.ts';
import { tf } from '../../core/tf.ts';

const descentFor = (box: [number, number][], lr: number, maxIter = 3000): DescentOptions => ({ ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr }), box, sense: 'min', maxIter });

describe('choosing an engine', () => {
  it('auto compiles a library function to the fused cpu engine and says so', async () => {
    await useBackend('wasm');
    const o = findLibraryFunction('himmelblau')!;
    const c = await chooseEngine(o, 2, descentFor(o.box(2), 0.01), { engine: 'auto', dtype: 'float32', backend: 'wasm' });
    expect(c.kind).toBe('fused');
    expect(c.reason).toMatch(/Himmelblau compiles: SIMD WebAssembly/);
  });

  it('auto falls back to tfjs for a user module of tfjs code, with the reason', async () => {
    const o = fromUserModule({ default: { dim: 2, box: [[-1, 1], [-1, 1]], f: (x: tf.Tensor2D) => tf.sum(tf.square(x), 1) } }, 'bowl.ts');
    const c = await chooseEngine(o, 2, descentFor(o.box(2), 0.1), { engine: 'auto', dtype: 'float32', backend: 'wasm' });
    expect(c).toEqual({ kind: 'tfjs', reason: expect.stringMatching(/is tfjs code/) });
    await expect(chooseEngine(o, 2, descentFor(o.box(2), 0.1), { engine: 'fused', dtype: 'float32', backend: 'wasm' })).rejects.toThrow(/use --engine tfjs/);
  });

  it('refuses float64 on the tfjs engine', async () => {
    const o = findLibraryFunction('booth')!;
    await expect(chooseEngine(o, 2, descentFor(o.box(2), 0.05), { engine: 'tfjs', dtype: 'float64', backend: 'wasm' })).rejects.toThrow(/float64 needs the fused cpu engine/);
  });
});

// The 2-D reference functions, each with a learning rate under 2/λ_max of its Hessian in the box.
const cases: [string, number][] = [
  ['himmelblau', 0.01], ['six-hump-camel', 0.01], ['branin', 0.01], ['booth', 0.05], ['styblinski-tang', 0.01], ['rastrigin', 1e-3], ['matyas', 0.5],
];

describe('the fused engine gives the same basin summary as the tfjs engine', () => {
  for (const [name, lr] of cases) {
    it(name, async () => {
      await useBackend('wasm');
      const o = findLibraryFunction(name)!;
      const box = o.box(2);
      const starts = await makeStartSet({ sampler: 'grid', gridCounts: [40] }, box);
      const descent = descentFor(box, lr);
      const fused = await chooseEngine(o, 2, descent, { engine: 'fused', dtype: 'float32', backend: 'wasm' });
      const a = await mapBasins({ objective: o, starts, descent });
      const b = await mapBasins({ objective: o, starts, descent, engine: fused });
      const converged = (s: number) => s <= 1;
      expect(Array.from(b.results.status).map(converged)).toEqual(Array.from(a.results.status).map(converged));
      expect(Array.from(b.summary.assignment)).toEqual(Array.from(a.summary.assignment));
      expect(b.summary.basins.map((x) => [x.count, x.global, x.kind])).toEqual(a.summary.basins.map((x) => [x.count, x.global, x.kind]));
      // Each basin's point: both engines stop within gtol/λ_min of the same minimum.
      b.summary.basins.forEach((basin, k) => {
        const bound = (2 * descent.gtol) / a.summary.basins[k].eigenvalues![0] + 1e-5;
        basin.x.forEach((v, j) => expect(Math.abs(v - a.summary.basins[k].x[j])).toBeLessThanOrEqual(bound));
      });
    });
  }
});
