/**
 * The must-show table of docs/lr-auto.md: each library 2-D function typed as its formula, on its
 * default box, 100 × 100 grid, no descent flags (gd, lr auto with the line search, 1000 iterations):
 * converged share, starts at max iterations, distinct end points, known global minima found.
 * Usage: npx tsx benchmarks/first-run.ts [name,name,...] [maxIter]   (env LS=none|armijo overrides the line search)
 */
import { useBackend } from '../src/backends/registry.ts';
import { mapBasins } from '../src/map.ts';
import { LIBRARY } from '../src/objectives/library/index.ts';
import { resolveObjective } from '../src/objectives/resolve.ts';
import { gridStartSet } from '../src/starts/grid.ts';
import { DESCENT_DEFAULTS } from '../core/options.ts';
import { optimizerSpec } from '../core/optimizers/index.ts';
import '../src/node/register.ts';
await useBackend('cpu');
const only = process.argv[2]?.split(',');
const maxIter = Number(process.argv[3] ?? 1000);
for (const o of LIBRARY.filter((f) => (f.dim === 2 || f.dim === 'any') && f.expression)) {
  if (only && !only.includes(o.name)) continue;
  const box = o.box(2);
  const { objective } = await resolveObjective({ fn: o.expression!(2).replace(/\bx1\b/g, 'x').replace(/\bx2\b/g, 'y'), box: box.flat().join(',') });
  const starts = gridStartSet([100, 100], undefined, box);
  const descent = { ...DESCENT_DEFAULTS, maxIter, optimizer: optimizerSpec('gd', { lr: 1, lineSearch: process.env.LS }), box, sense: 'min' as const };
  const r = await mapBasins({ objective, starts, descent, lr: 'auto', engine: 'auto' });
  const c = r.summary.counts;
  const globals = o.known(2).filter((k) => k.global);
  const found = globals.filter((g) => r.summary.basins.some((b) => Math.hypot(b.x[0] - g.x[0], b.x[1] - g.x[1]) < 10 * r.summary.tolerances.distance)).length;
  console.log(`| ${o.name} | ${(100 * c.converged / r.summary.n).toFixed(1)} % | ${c.maxiter ?? 0} | ${r.summary.basins.length} | ${found} of ${globals.length} |`);
}
process.exit(0);
