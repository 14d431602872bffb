import '/work/main/src/node/register.ts';
import { mapBasins } from '/work/main/src/map.ts';
import { findLibraryFunction } from '/work/main/src/objectives/library/index.ts';
import { optimizerSpec } from '/work/main/core/optimizers/index.ts';
import { DESCENT_DEFAULTS } from '/work/main/core/options.ts';
import { sampleStarts } from '/work/main/src/starts/sample.ts';
import { useBackend } from '/work/main/src/backends/registry.ts';
await useBackend('cpu');
const cfg: Record<string, [number, number, number]> = { rmsprop: [0.001, 1e-4, 4000], lion: [1e-3, 0.1, 6000] } as any; const _old = { gd: [0.01, 1e-4, 2000], momentum: [0.004, 1e-4, 2000], nesterov: [0.004, 1e-4, 2000], adam: [0.05, 1e-4, 3000], rmsprop: [0.01,1e-4,3000], adagrad: [0.5,1e-4,3000], nadam: [0.05,1e-4,3000], lion: [[0.002, 0.5, 5000]][0] as any };
for (const fn of ['himmelblau', 'six-hump-camel']) {
  const o = findLibraryFunction(fn)!; const box = o.box(2);
  const starts = sampleStarts({ sampler: 'grid', gridCounts: [24] }, box);
  for (const [name, [lr, gtol, maxIter]] of Object.entries(cfg)) {
    for (const engine of ['fused-cpu']) {
      const r = await mapBasins({ objective: o, starts, descent: { ...DESCENT_DEFAULTS, optimizer: optimizerSpec(name, { lr }), box, sense: 'min', gtol, maxIter }, engine, clusterDistance: name === 'lion' ? 0.05 : undefined });
      console.log(fn, name, engine, JSON.stringify(r.summary.counts), r.summary.basins.map((b) => `${b.kind}:${b.count}`).join(' '));
    }
  }
}
