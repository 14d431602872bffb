/**
 * lr auto (gd from α = 1/L with its line search, the default, and at that fixed α) against each
 * library function's suggested settings and the old default (gd, lr 0.01):
 * the share of starts that converge, per function and dimension, with the default 1000
 * iterations (the suggestion's own max-iter where it has one). The table in benchmarks/README.md
 * ("lr auto") is this script's output.
 * Usage: npx tsx benchmarks/lr-auto.ts [--dims 2] [--n 2500] [--only himmelblau,levy] [--engine native]
 * d = 2 runs a √n × √n grid on the box, other d a Sobol set of n starts (seed 1).
 */
import { parseArgs } from 'node:util';
import { useBackend } from '../src/backends/registry.ts';
import { autoStepSize } from '../src/descent/step-size.ts';
import { mapBasins } from '../src/map.ts';
import { LIBRARY } from '../src/objectives/library/index.ts';
import { withDimensionAndBox } from '../src/objectives/named.ts';
import { gridStartSet } from '../src/starts/grid.ts';
import { sobolStartSet } from '../src/starts/sobol.ts';
import { DESCENT_DEFAULTS } from '../core/options.ts';
import { optimizerSpec, type LineSearch, type OptimizerName } from '../core/optimizers/index.ts';
import '../src/node/register.ts';

const { values } = parseArgs({ options: { dims: { type: 'string', default: '2' }, n: { type: 'string', default: '2500' }, only: { type: 'string' }, engine: { type: 'string', default: 'auto' } } });
const dims = values.dims.split(',').map(Number);
const n = Number(values.n);
const only = values.only?.split(',');
await useBackend('cpu');

console.log('| function | d | lr auto (gd) | line search (default) | fixed α | suggested | converged | gd lr 0.01 |');
console.log('|---|---|---|---|---|---|---|---|');
for (const base of LIBRARY) {
  if (only && !only.includes(base.name)) continue;
  for (const d of dims) {
    if (base.dim !== 'any' && base.dim !== d) continue;
    const objective = base.dim === 'any' ? withDimensionAndBox(base, { dim: d }).objective : base;
    const box = objective.box(d);
    const side = Math.round(Math.sqrt(n));
    const starts = d === 2 ? gridStartSet([side, side], undefined, box) : sobolStartSet(n, 1, box);
    const share = async (name: OptimizerName, lr: number, maxIter: number = DESCENT_DEFAULTS.maxIter, lineSearch: LineSearch = 'none') => {
      const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec(name, { lr, lineSearch }), maxIter, box, sense: 'min' as const };
      const r = await mapBasins({ objective, starts, descent, engine: values.engine, classifyLimit: 0 });
      const c = r.summary.counts;
      return `${((100 * c.converged) / starts.n).toFixed(1)}%${c.diverged ? ` (${((100 * c.diverged) / starts.n).toFixed(0)}% div.)` : ''}, ${r.summary.basins.length} pts`;
    };
    const auto = await autoStepSize({ f: objective.f, box, starts, optimizer: 'gd' });
    const s = base.suggested;
    const sugg = !s ? ['–', '–']
      : s.lr === undefined ? [`lr auto ×${s.maxIter}`, await share('gd', auto.lr, s.maxIter, 'armijo')]
      : [`${s.optimizer ?? 'gd'} ${s.lr}${s.maxIter ? ` ×${s.maxIter}` : ''}`, await share(s.optimizer ?? 'gd', s.lr, s.maxIter)];
    console.log(`| ${base.name} | ${d} | ${auto.lr} | ${await share('gd', auto.lr, undefined, 'armijo')} | ${await share('gd', auto.lr)} | ${sugg[0]} | ${sugg[1]} | ${await share('gd', 0.01)} |`);
  }
}
process.exit(0);
