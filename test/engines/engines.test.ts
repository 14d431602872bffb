import { describe, expect, it } from 'vitest';
import { DESCENT_DEFAULTS, type DescentOptions } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { tf } from '../../core/tf.ts';
import { useBackend } from '../../src/backends/registry.ts';
import { autoOrder, chooseEngine } from '../../src/engines/choose.ts';
import { ENGINE_NAMES } from '../../src/engines/names.ts';
import { engineNames } from '../../src/engines/registry.ts';
import type { Problem } from '../../src/engines/types.ts';
import { mapBasins } from '../../src/map.ts';
import '../../src/node/register.ts';
import { findLibraryFunction } from '../../src/objectives/library/index.ts';
import type { Objective } from '../../src/objectives/types.ts';
import { fromUserModule } from '../../src/objectives/user-module.ts';
import { makeStartSet } from '../../src/starts/index.ts';

const descentFor = (box: [number, number][], lr: number, maxIter = 3000): DescentOptions => ({ ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr }), box, sense: 'min', maxIter });
const problem = (o: Objective, lr: number, dtype: 'float32' | 'float64' = 'float32'): Problem => ({ objective: o, d: 2, descent: descentFor(o.box(2), lr), dtype });
const bowl = () => fromUserModule({ default: { dim: 2, box: [[-1, 1], [-1, 1]], f: (x: tf.Tensor2D) => tf.sum(tf.square(x), 1) } }, 'bowl.ts');

describe('the engine registry', () => {
  it('holds tfjs and the fused engines by name, and auto tries the fastest first', () => {
    expect(engineNames()).toEqual(expect.arrayContaining(['tfjs', 'fused-cpu', 'fused-webgpu']));
    expect(autoOrder({ backend: 'webgpu' })).toEqual(['fused-webgpu', 'tfjs']);
    expect(autoOrder({ backend: 'wasm' }).slice(-2)).toEqual(['fused-cpu', 'tfjs']);
    // native-fast is not bit-identical to the other engines: it runs only when asked for.
    expect(autoOrder({ backend: 'wasm' })).not.toContain('native-fast');
  });

  it('lists the same names, in the same order, as the light list the CLI declares --engine from', () => {
    expect(engineNames()).toEqual([...ENGINE_NAMES]);
  });
});

describe('choosing an engine', () => {
  it('auto compiles a library function to a fused cpu kernel and says so', async () => {
    const c = await chooseEngine(problem(findLibraryFunction('himmelblau')!, 0.01), 'auto', { backend: 'wasm' });
    expect(c.engine).toMatch(/^(native|fused-cpu)$/);
    expect(c.reason).toMatch(/^Himmelblau: /);
  });

  it('auto falls back to tfjs for a user module of tfjs code, with the reason', async () => {
    const c = await chooseEngine(problem(bowl(), 0.1), 'auto', { backend: 'wasm' });
    expect(c.engine).toBe('tfjs');
    expect(c.reason).toMatch(/fused-cpu not used: bowl(\.ts)? is tfjs code/);
    await expect(chooseEngine(problem(bowl(), 0.1), 'fused', { backend: 'wasm' })).rejects.toThrow(/engine fused-cpu cannot run this: .*is tfjs code.*: use --engine auto/);
  });

  it('refuses float64 on the tfjs engine, naming the fix', async () => {
    await expect(chooseEngine(problem(findLibraryFunction('booth')!, 0.05, 'float64'), 'tfjs', { backend: 'wasm' })).rejects.toThrow(/tfjs computes in float32 only: drop --engine tfjs or --dtype float64/);
  });

  it('refuses an engine it does not know, listing the ones it does', async () => {
    await expect(chooseEngine(problem(findLibraryFunction('booth')!, 0.05), 'turbo', { backend: 'wasm' })).rejects.toThrow(/unknown engine "turbo": choose one of auto, fused, tfjs, fused-webgpu, native, native-fast, fused-cpu/);
  });
});

describe('mapBasins from TypeScript with no engine named', () => {
  it('runs a library function on a fused cpu kernel and reports which and why', async () => {
    await useBackend('wasm');
    const o = findLibraryFunction('himmelblau')!;
    const box = o.box(2);
    const r = await mapBasins({ objective: o, starts: await makeStartSet({ sampler: 'grid', gridCounts: [30] }, box), descent: descentFor(box, 0.01) });
    expect(r.engine.name).toMatch(/^(native|fused-cpu)$/);
    expect(r.engine.reason).toMatch(/Himmelblau/);
    expect(r.summary.basins.filter((b) => b.kind === 'minimum')).toHaveLength(4);
  });
});

// The 2-D reference functions, each with a learning rate under 2/λ_max of its Hessian in the box.
const cases: [string, number][] = [
  ['himmelblau', 0.01], ['six-hump-camel', 0.01], ['branin', 0.01], ['booth', 0.05], ['styblinski-tang', 0.01], ['rastrigin', 1e-3], ['matyas', 0.5],
];

describe('the fused cpu engine gives the same basin summary as the tfjs engine', () => {
  for (const [name, lr] of cases) {
    it(name, async () => {
      await useBackend('wasm');
      const o = findLibraryFunction(name)!;
      const box = o.box(2);
      const starts = await makeStartSet({ sampler: 'grid', gridCounts: [40] }, box);
      const descent = descentFor(box, lr);
      const a = await mapBasins({ objective: o, starts, descent, engine: 'tfjs' });
      const b = await mapBasins({ objective: o, starts, descent, engine: 'fused-cpu' });
      const converged = (s: number) => s <= 1;
      expect(Array.from(b.results.status).map(converged)).toEqual(Array.from(a.results.status).map(converged));
      expect(Array.from(b.summary.outcome)).toEqual(Array.from(a.summary.outcome));
      expect(b.summary.basins.map((x) => [x.count, x.global, x.kind])).toEqual(a.summary.basins.map((x) => [x.count, x.global, x.kind]));
      // Each basin's point: both engines stop within gtol/λ_min of the same minimum.
      b.summary.basins.forEach((basin, k) => {
        const bound = (2 * descent.gtol) / a.summary.basins[k].eigenvalues![0] + 1e-5;
        basin.x.forEach((v, j) => expect(Math.abs(v - a.summary.basins[k].x[j])).toBeLessThanOrEqual(bound));
      });
    });
  }
});
