/**
 * --refine against the full fine grid it stands for (issue 16): Himmelblau, gradient descent
 * lr 0.01, ≤ 1000 iterations; a 100 × 100 grid refined twice (`map himmelblau --grid 100
 * --refine 2`) against the full 400 × 400 grid of the same finest cells (fineGridBox: the plain
 * grid whose points are the fine cells' centres). Same engine for both (default: auto, the one
 * `map` picks), compiled once before timing. Timed: mapBasins without compiling (descent, the
 * refinement rounds with their clustering, the final clustering and classification), the two
 * variants alternating (A B A B ...) so drift on the shared machine hits both. Also checks the
 * refined labels against the full grid's at the full grid's boundary cells.
 *
 * Usage: npx tsx benchmarks/refine.ts [--grid 100] [--rounds 2] [--repeats 3] [--engine auto] [--backend wasm] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DESCENT_DEFAULTS } from '../core/options.ts';
import { optimizerSpec } from '../core/optimizers/index.ts';
import { closeCpuPool } from '../kernels/index.ts';
import { useBackend } from '../src/backends/registry.ts';
import { describeMachine, machineLine } from '../src/bench/machine.ts';
import { spreadOf } from '../src/bench/stats.ts';
import { chooseEngine } from '../src/engines/choose.ts';
import { mapBasins, type MapResult } from '../src/map.ts';
import '../src/node/register.ts';
import { himmelblau } from '../src/objectives/library/himmelblau.ts';
import { fieldDims, fieldLabels, fineGridBox, type RefineGrid } from '../src/refine/quadtree.ts';
import { gridStartSet } from '../src/starts/grid.ts';

const { values } = parseArgs({ options: { grid: { type: 'string', default: '100' }, rounds: { type: 'string', default: '2' }, repeats: { type: 'string', default: '3' }, engine: { type: 'string', default: 'auto' }, backend: { type: 'string', default: 'wasm' }, json: { type: 'string' } } });
const C = Number(values.grid);
const K = Number(values.rounds);
const repeats = Number(values.repeats);
await useBackend(values.backend!);
const box = himmelblau.box(2);
const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.01 }), box, sense: 'min' as const, maxIter: 1000 };
const grid: RefineGrid = { counts: [C, C], box };
const [W, H] = fieldDims(grid, K);
const engine = await chooseEngine({ objective: himmelblau, d: 2, descent, dtype: 'float32' }, values.engine!, { backend: values.backend! });

const refined = () => mapBasins({ objective: himmelblau, starts: gridStartSet([C], undefined, box), descent, engine, refine: { grid, rounds: K } });
const full = () => mapBasins({ objective: himmelblau, starts: gridStartSet([W, H], undefined, fineGridBox(grid, K)), descent, engine });
const seconds = (r: MapResult) => r.seconds.descent + (r.seconds.refine ?? 0) + r.seconds.summary;

await refined();
await full();
const t: { refined: number[]; full: number[] } = { refined: [], full: [] };
const parts: { refined: MapResult['seconds'][]; full: MapResult['seconds'][] } = { refined: [], full: [] };
let last: { refined?: MapResult; full?: MapResult } = {};
for (let k = 0; k < repeats; k++) {
  last.refined = await refined();
  t.refined.push(seconds(last.refined));
  parts.refined.push(last.refined.seconds);
  last.full = await full();
  t.full.push(seconds(last.full));
  parts.full.push(last.full.seconds);
}
const r = last.refined!;
const f = last.full!;

// Boundary agreement, basins matched by position.
const near = (p: number[]) => f.summary.basins.reduce((b, y) => (Math.hypot(p[0] - y.x[0], p[1] - y.x[1]) < Math.hypot(p[0] - f.summary.basins[b].x[0], p[1] - f.summary.basins[b].x[1]) ? y.id : b), 0);
const map = new Map(r.summary.basins.map((b) => [b.id, near(b.x)]));
const mine = fieldLabels(r.refined!.field, r.summary.outcome).map((l) => (l >= 0 ? map.get(l)! : l));
const theirs = f.summary.outcome;
let boundary = 0;
let agree = 0;
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
  const l = theirs[y * W + x];
  let edge = false;
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
    const [xx, yy] = [x + dx, y + dy];
    if (xx >= 0 && yy >= 0 && xx < W && yy < H && theirs[yy * W + xx] !== l) edge = true;
  }
  if (edge) {
    boundary++;
    if (mine[y * W + x] === l) agree++;
  }
}

const sr = spreadOf(t.refined);
const sf = spreadOf(t.full);
const report = {
  machine: describeMachine({}),
  engine: engine.engine,
  backend: values.backend,
  workload: `himmelblau, gd lr 0.01, maxIter 1000; ${C}x${C} --refine ${K} vs full ${W}x${H}`,
  refined: { seconds: sr, parts: parts.refined, starts: r.results.n, rounds: r.refined!.rounds },
  full: { seconds: sf, parts: parts.full, starts: f.results.n },
  timeRatio: sf.median / sr.median,
  startsRatio: f.results.n / r.results.n,
  boundaryAgreement: { cells: boundary, agree, fraction: agree / boundary },
  fractions: r.summary.basins.map((b) => ({ refined: b.fraction, full: f.summary.basins[map.get(b.id)!].fraction })),
};
console.log(machineLine(report.machine));
console.log(`engine ${engine.engine}; ${report.workload}`);
console.log(`refined: ${sr.median.toFixed(3)} s [${sr.min.toFixed(3)}..${sr.max.toFixed(3)}], ${r.results.n} starts`);
console.log(`full:    ${sf.median.toFixed(3)} s [${sf.min.toFixed(3)}..${sf.max.toFixed(3)}], ${f.results.n} starts`);
const med = (xs: MapResult['seconds'][], k: 'descent' | 'refine' | 'summary') => spreadOf(xs.map((x) => x[k] ?? 0)).median.toFixed(3);
console.log(`median parts (s): refined descent ${med(parts.refined, 'descent')} + rounds ${med(parts.refined, 'refine')} + summary ${med(parts.refined, 'summary')}; full descent ${med(parts.full, 'descent')} + summary ${med(parts.full, 'summary')}`);
console.log(`time ratio full ÷ refined ${report.timeRatio.toFixed(2)}; starts ratio ${report.startsRatio.toFixed(2)}; boundary cells agreeing ${agree}/${boundary}`);
if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2) + '\n');
await closeCpuPool();
