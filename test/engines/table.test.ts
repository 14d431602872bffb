import { beforeAll, describe, expect, it } from 'vitest';
import { DESCENT_DEFAULTS, type DescentOptions } from '../../core/options.ts';
import { OPTIMIZER_NAMES, optimizerSpec, type OptimizerName } from '../../core/optimizers/index.ts';
import { probeBackend, useBackend } from '../../src/backends/registry.ts';
import type { BasinSummary } from '../../src/basins/types.ts';
import { findEngine } from '../../src/engines/registry.ts';
import { mapBasins } from '../../src/map.ts';
import '../../src/node/register.ts';
import { findLibraryFunction } from '../../src/objectives/library/index.ts';
import { sampleStarts } from '../../src/starts/sample.ts';
import { engineWanted } from '../support/engines.ts';

/**
 * Every optimizer × a few objectives × every engine here: the same basin summary. Each optimizer
 * runs at settings where its starts converge on both functions. rmsprop and lion take steps of
 * about lr whatever the gradient, so they circle a minimum at amplitude ~lr with ‖g‖ ~ λ·lr: they
 * get gtol 0.2 / 0.1 (λ_max·lr ≈ 0.08 on Himmelblau) and a clustering distance of 0.05 (their end
 * points lie within ~gtol/λ_min ≈ 0.02 of the minimum). Measured on the native engine: rmsprop's
 * slowest Himmelblau start needs 4,496 iterations (hence 6000). adagrad's step shrinks as its sum
 * of squared gradients grows, so near Himmelblau's minima (|x| ≈ 3.8) it creeps below what float32
 * ∇f resolves and 2 of 256 starts never reach ‖g‖ ≤ 1e-4 (not even in 12,000 steps); at gtol
 * 1e-3 every start converges within 617.
 */
/**
 * 'gd+armijo' is gd with its line search (core/optimizers/line-search.ts), from a first step of
 * 0.01: a row transform (f and sums over coordinates at every step) rather than an elementwise one.
 */
type Variety = OptimizerName | 'gd+armijo';
const VARIETIES: Variety[] = [...OPTIMIZER_NAMES, 'gd+armijo'];
const SETTINGS: Record<Variety, { lr: number; gtol: number; maxIter: number; cluster?: number }> = {
  gd: { lr: 0.01, gtol: 1e-4, maxIter: 2000 },
  'gd+armijo': { lr: 0.01, gtol: 1e-4, maxIter: 2000 },
  momentum: { lr: 0.004, gtol: 1e-4, maxIter: 2000 },
  nesterov: { lr: 0.004, gtol: 1e-4, maxIter: 2000 },
  adam: { lr: 0.05, gtol: 1e-4, maxIter: 3000 },
  rmsprop: { lr: 1e-3, gtol: 0.2, maxIter: 6000, cluster: 0.05 },
  adagrad: { lr: 0.5, gtol: 1e-3, maxIter: 2000 },
  nadam: { lr: 0.05, gtol: 1e-4, maxIter: 4000 },
  lion: { lr: 1e-3, gtol: 0.1, maxIter: 6000, cluster: 0.05 },
};
const FUNCTIONS = ['himmelblau', 'six-hump-camel'];
const GRID = 16;

interface Variant { engine: string; dtype: 'float32' | 'float64'; backend: string; exact: boolean }
/**
 * tfjs (cpu backend, the rule tested every step) is the reference. The fused wasm kernel runs the
 * same float32 operations: its summary must equal it exactly. float64, WGSL (whose driver may
 * fuse a·b + c into one rounding) and native-fast (which does), follow slightly different trajectories: a start on a basin
 * boundary may go the other way, so their counts may differ by up to 2% of the starts.
 */
const VARIANTS: Variant[] = [
  { engine: 'fused-cpu', dtype: 'float32', backend: 'cpu', exact: true },
  { engine: 'fused-cpu', dtype: 'float64', backend: 'cpu', exact: false },
  { engine: 'native', dtype: 'float32', backend: 'cpu', exact: true },
  { engine: 'native', dtype: 'float64', backend: 'cpu', exact: false },
  { engine: 'native-fast', dtype: 'float32', backend: 'cpu', exact: false },
  { engine: 'native-fast', dtype: 'float64', backend: 'cpu', exact: false },
  { engine: 'fused-webgpu', dtype: 'float32', backend: 'webgpu', exact: false },
];

const webgpu = await probeBackend('webgpu');
function skipReason(v: Variant): string | undefined {
  if (!findEngine(v.engine)) return `${v.engine} is not registered here`;
  if (!engineWanted(v.engine)) return `BASINMAP_TEST_BACKENDS leaves ${v.engine} out`;
  if (v.backend === 'webgpu' && !webgpu.available) return `webgpu unavailable: ${webgpu.reason}`;
  return undefined;
}

function descent(name: Variety, box: Array<[number, number]>): DescentOptions {
  const s = SETTINGS[name];
  const optimizer = name === 'gd+armijo' ? optimizerSpec('gd', { lr: s.lr, lineSearch: 'armijo' }) : optimizerSpec(name, { lr: s.lr });
  return { ...DESCENT_DEFAULTS, optimizer, box, sense: 'min', gtol: s.gtol, maxIter: s.maxIter };
}

const shape = (s: BasinSummary) => s.basins.map((b) => [b.kind, b.global]);

describe.each(FUNCTIONS)('every optimizer and engine on %s: the same basin summary', (fn) => {
  const o = findLibraryFunction(fn)!;
  const box = o.box(2);
  const starts = sampleStarts({ sampler: 'grid', gridCounts: [GRID] }, box);
  const reference = new Map<Variety, BasinSummary>();
  beforeAll(async () => {
    await useBackend('cpu');
    for (const name of VARIETIES) {
      const r = await mapBasins({ objective: o, starts, descent: descent(name, box), engine: 'tfjs', control: { checkEvery: 1 }, clusterDistance: SETTINGS[name].cluster });
      reference.set(name, r.summary);
    }
  });

  it.each(VARIETIES)('%s converges from every start on the tfjs engine, to true minima only', (name) => {
    const s = reference.get(name)!;
    expect(s.counts.converged).toBe(GRID * GRID);
    expect(new Set(s.basins.map((b) => b.kind))).toEqual(new Set(['minimum']));
  });

  for (const v of VARIANTS) {
    const why = skipReason(v);
    if (why) console.warn(`[skip] ${fn}, ${v.engine} ${v.dtype}: ${why}`);
    it.skipIf(why !== undefined).each(VARIETIES)(`%s on ${v.engine}, ${v.dtype}`, async (name) => {
      await useBackend(v.backend);
      const r = await mapBasins({ objective: o, starts, descent: descent(name, box), engine: v.engine, dtype: v.dtype, clusterDistance: SETTINGS[name].cluster });
      const ref = reference.get(name)!;
      expect(r.engine.name).toBe(v.engine);
      expect(shape(r.summary)).toEqual(shape(ref));
      const counts = r.summary.basins.map((b) => b.count);
      const refCounts = ref.basins.map((b) => b.count);
      if (v.exact) expect(counts).toEqual(refCounts);
      else counts.forEach((c, k) => expect(Math.abs(c - refCounts[k])).toBeLessThanOrEqual(Math.ceil(0.02 * GRID * GRID)));
      // Same minima: within the clustering distance of the reference's points.
      r.summary.basins.forEach((b, k) => b.x.forEach((v2, j) => expect(Math.abs(v2 - ref.basins[k].x[j])).toBeLessThanOrEqual(r.summary.tolerances.distance)));
      if (v.backend !== 'cpu') await useBackend('cpu');
    });
  }
});
