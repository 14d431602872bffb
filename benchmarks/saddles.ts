/**
 * The saddle search's cost against the map it starts from: Himmelblau on a 200 × 200 grid, gd
 * lr 0.01 (the map command's defaults), on the engine `auto` picks. Each repeat runs the map
 * (mapBasins: compile, descent, basins) and then findSaddles on it; the figure is the median
 * search time, the number of saddles, and search ÷ map (same repeat, so drift hits both).
 * Usage: npx tsx benchmarks/saddles.ts [--repeats 3] [--grid 200] [--backend wasm] [--engine auto] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DESCENT_DEFAULTS } from '../core/options.ts';
import { optimizerSpec } from '../core/optimizers/index.ts';
import { useBackend } from '../src/backends/registry.ts';
import { describeMachine, machineLine } from '../src/bench/machine.ts';
import { spreadOf } from '../src/bench/stats.ts';
import { mapBasins } from '../src/map.ts';
import '../src/node/register.ts';
import { himmelblau } from '../src/objectives/library/himmelblau.ts';
import { findSaddles } from '../src/saddles/find.ts';
import { makeStartSet } from '../src/starts/index.ts';

const { values } = parseArgs({ options: { repeats: { type: 'string', default: '3' }, grid: { type: 'string', default: '200' }, backend: { type: 'string', default: 'wasm' }, engine: { type: 'string', default: 'auto' }, json: { type: 'string' } } });
const repeats = Number(values.repeats);
const grid = Number(values.grid);
await useBackend(values.backend!);
const box = himmelblau.box(2);
const starts = await makeStartSet({ sampler: 'grid', gridCounts: [grid] }, box);
const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.01 }), box, sense: 'min' as const };

const runs: { map: number; search: number; saddles: number; pairs: number; batches: number; rows: number; engine: string }[] = [];
for (let k = 0; k < repeats; k++) {
  const t0 = performance.now();
  const map = await mapBasins({ objective: himmelblau, starts, descent, engine: values.engine });
  const t1 = performance.now();
  const r = await findSaddles({ objective: himmelblau, d: 2, descent, dtype: 'float32', engine: map.engine.name, starts, dims: [grid, grid], summary: map.summary });
  const t2 = performance.now();
  runs.push({ map: (t1 - t0) / 1000, search: (t2 - t1) / 1000, saddles: r.saddles.length, pairs: r.search.boundaryPairs, batches: r.search.batches, rows: r.search.rowsDescended, engine: map.engine.name });
  console.log(`repeat ${k + 1}: map ${runs[k].map.toFixed(2)} s, saddle search ${runs[k].search.toFixed(2)} s, ${r.saddles.length} saddles from ${r.search.boundaryPairs} boundary segments, ${r.search.batches} batches, ${r.search.rowsDescended} descents (${map.engine.name})`);
}
const map = spreadOf(runs.map((r) => r.map));
const search = spreadOf(runs.map((r) => r.search));
const ratio = spreadOf(runs.map((r) => r.search / r.map));
const machine = describeMachine({});
console.log(machineLine(machine));
console.log(`Himmelblau ${grid} x ${grid}, ${values.backend}, engine ${runs[0].engine}: map ${map.median.toFixed(2)} s, saddle search ${search.median.toFixed(2)} s (${search.min.toFixed(2)}..${search.max.toFixed(2)}), ${runs[0].saddles} saddles; search / map = ${ratio.median.toFixed(2)} (${ratio.min.toFixed(2)}..${ratio.max.toFixed(2)})`);
if (values.json) writeFileSync(values.json, JSON.stringify({ grid, backend: values.backend, machine, runs, map, search, ratio }, null, 2) + '\n');
