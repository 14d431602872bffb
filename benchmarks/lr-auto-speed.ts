/**
 * lr auto against a tuned fixed α, on Himmelblau and Rastrigin (d = 2, a 200 × 200 grid, gd,
 * ≤ 1000 iterations, the fastest engine here). "Tuned" is the fastest α of a scan that still
 * converges every start: what a user finds by trying. lr auto's time includes its curvature
 * estimate (256 starts, 50 Hessian-vector power iterations on the tfjs cpu backend).
 * Reported as ratios: wall(auto) ÷ wall(tuned) and mean iterations(auto) ÷ mean iterations(tuned);
 * variants alternate (A B A B ...) so drift on a shared machine hits both.
 * Usage: npx tsx benchmarks/lr-auto-speed.ts [--repeats 3] [--grid 200]
 */
import { parseArgs } from 'node:util';
import { useBackend } from '../src/backends/registry.ts';
import { mapBasins } from '../src/map.ts';
import { himmelblau } from '../src/objectives/library/himmelblau.ts';
import { rastrigin } from '../src/objectives/library/rastrigin.ts';
import { gridStartSet } from '../src/starts/grid.ts';
import { DESCENT_DEFAULTS } from '../core/options.ts';
import { optimizerSpec } from '../core/optimizers/index.ts';
import '../src/node/register.ts';

const { values } = parseArgs({ options: { repeats: { type: 'string', default: '3' }, grid: { type: 'string', default: '200' } } });
const repeats = Number(values.repeats);
const side = Number(values.grid);
await useBackend('cpu');

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const [objective, scan] of [[himmelblau, [0.005, 0.01, 0.015, 0.02]], [rastrigin, [0.001, 0.0015, 0.002, 0.0025, 0.003]]] as const) {
  const box = objective.box(2);
  const starts = gridStartSet([side, side], undefined, box);
  const run = async (lr: number | 'auto') => {
    const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: typeof lr === 'number' ? lr : 1 }), box, sense: 'min' as const };
    const t = performance.now();
    const r = await mapBasins({ objective, starts, descent, lr, engine: 'auto', classifyLimit: 0 });
    const s = (performance.now() - t) / 1000;
    let nit = 0;
    for (let i = 0; i < starts.n; i++) nit += r.results.nit[i];
    return { s, lr: r.descent.optimizer.lr, meanNit: nit / starts.n, converged: r.summary.counts.converged / starts.n, engine: r.engine.name };
  };
  // The tuned α: fewest mean iterations among those that converge every start.
  const tried = [];
  for (const lr of scan) tried.push(await run(lr));
  const ok = tried.filter((t) => t.converged === 1);
  const tuned = ok.sort((a, b) => a.meanNit - b.meanNit)[0];
  const auto: number[] = [], fixed: number[] = [];
  let a = await run('auto');
  for (let k = 0; k < repeats; k++) {
    a = await run('auto');
    auto.push(a.s);
    fixed.push((await run(tuned.lr)).s);
  }
  console.log(
    `${objective.title}: lr auto ${a.lr} (converged ${(a.converged * 100).toFixed(1)}%, mean nit ${a.meanNit.toFixed(0)}) vs tuned ${tuned.lr} of [${scan.join(', ')}] ` +
      `(mean nit ${tuned.meanNit.toFixed(0)}); wall auto/tuned = ${(median(auto) / median(fixed)).toFixed(2)} (medians ${median(auto).toFixed(2)} s / ${median(fixed).toFixed(2)} s, ${repeats} repeats, engine ${a.engine}); ` +
      `iterations auto/tuned = ${(a.meanNit / tuned.meanNit).toFixed(2)}`,
  );
}
process.exit(0);
