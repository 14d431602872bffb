/**
 * Two figures the project owes about its own driver (`descend`), measured on the wasm backend:
 *
 * (a) Driver overhead: `descend` on Rastrigin-2D, 1e6 starts, 100 steps of gd (lr 1e-3, gtol = 0
 *     and xtol = 0 so nothing converges), against a bare tfjs loop of the same update
 *     (x ← x − lr·∇f, tf.grad of the batch sum, one tidy per step) on the same starts.
 *     Ratio = descend throughput ÷ bare throughput. Target ≥ 0.8.
 * (b) Compaction: Booth, 1e6 starts, ≤ 1000 iterations, gd lr 0.05 (most converge early), with
 *     compaction (default) against `compact: false`. Ratio = wall(without) ÷ wall(with). Target ≥ 3.
 *
 * (c) Compaction where iteration counts spread widely: Rosenbrock 2-D, gd lr 1e-3, ≤ 1000 iterations.
 *
 * Without compaction a batch runs until its slowest start finishes, so the best compaction can do
 * is max nit ÷ mean nit; the script prints that bound next to the measured ratio.
 *
 * Both variants of a figure alternate (A B A B ...) so drift on the shared machine hits both.
 * Usage: npx tsx benchmarks/driver-overhead.ts [--repeats 2] [--n 1000000] [--backend wasm] [--json out.json]
 */
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { useBackend } from '../src/backends/registry.ts';
import { bareLoop } from '../src/bench/bare-loop.ts';
import { describeMachine, machineLine } from '../src/bench/machine.ts';
import { spreadOf, type Spread } from '../src/bench/stats.ts';
import { fromArray, runStarts, type RunControl, type StartRows } from '../src/descent/driver.ts';
import { tfjsEngine } from '../src/engines/tfjs.ts';
import { DESCENT_DEFAULTS, type DescentOptions } from '../core/options.ts';
import { STATUS } from '../core/status.ts';
import { booth } from '../src/objectives/library/booth.ts';
import { rastrigin } from '../src/objectives/library/rastrigin.ts';
import { rosenbrock } from '../src/objectives/library/rosenbrock.ts';
import type { Objective } from '../src/objectives/types.ts';

/** The driver as users get it on the tfjs engine. */
async function descend(o: Objective, rows: StartRows, descent: DescentOptions, control: Partial<RunControl> = {}) {
  return runStarts(await tfjsEngine.compile({ objective: o, d: rows.d, descent, dtype: 'float32' }, { backend: 'wasm' }), rows, descent.maxIter, control);
}
import { optimizerSpec } from '../core/optimizers/index.ts';
import { makeStartSet } from '../src/starts/index.ts';

const { values: args } = parseArgs({
  options: {
    repeats: { type: 'string', default: '2' },
    n: { type: 'string', default: '1000000' },
    backend: { type: 'string', default: 'wasm' },
    json: { type: 'string' },
    'n-c': { type: 'string', default: '200000' },
  },
});
const repeats = Number(args.repeats);
const n = Number(args.n);
const backend = args.backend!;

await useBackend(backend);
const say = (s: string) => process.stdout.write(s + '\n');
say(`${machineLine(describeMachine({}))}; backend ${backend}; n = ${n}; ${repeats} timed runs per variant after a warm-up`);

function startsFor(o: Objective): Float32Array {
  const set = makeStartSet({ sampler: 'uniform', n, seed: 0 }, o.box(2)) as { rows(from: number, count: number): Float32Array };
  return set.rows(0, n).slice();
}

async function clock(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** Warm-up on a small batch (kernel caches), then the two variants alternately. */
async function alternate(a: () => Promise<unknown>, b: () => Promise<unknown>, warm: () => Promise<unknown>): Promise<[number[], number[]]> {
  await warm();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let r = 0; r < repeats; r++) {
    ta.push(await clock(a));
    tb.push(await clock(b));
  }
  return [ta, tb];
}

// (a) descend vs a bare loop, Rastrigin-2D.
const steps = 100;
const gd = optimizerSpec('gd', { lr: 1e-3 });
const x0 = startsFor(rastrigin);
const optsA: DescentOptions = { ...DESCENT_DEFAULTS, optimizer: gd, box: rastrigin.box(2), sense: 'min', gtol: 0, xtol: 0, maxIter: steps };
const small = x0.slice(0, 2 * 1000);
const [descendSec, bareSec] = await alternate(
  () => descend(rastrigin, fromArray(x0, 2), optsA),
  () => bareLoop(rastrigin.f, x0, 2, gd, steps),
  async () => {
    await descend(rastrigin, fromArray(small, 2), optsA);
    await bareLoop(rastrigin.f, small, 2, gd, steps);
  },
);
const thr = (s: number[]) => spreadOf(s.map((t) => (n * steps) / t));
const a = { descend: thr(descendSec), bare: thr(bareSec), ratio: 0 };
a.ratio = a.descend.median / a.bare.median;
say(`(a) descend ${fmt(a.descend)} vs bare loop ${fmt(a.bare)} point-iterations/s: ratio ${a.ratio.toFixed(3)} (target ≥ 0.8)`);

// (b) compaction on vs off, Booth.
const optsB: DescentOptions = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.05 }), box: booth.box(2), sense: 'min', maxIter: 1000 };
const xb = startsFor(booth);
let nit: Int32Array | undefined;
let status: Uint8Array | undefined;
const [withSec, withoutSec] = await alternate(
  async () => {
    const r = await descend(booth, fromArray(xb, 2), optsB, { compact: true });
    ({ nit, status } = r);
  },
  () => descend(booth, fromArray(xb, 2), optsB, { compact: false }),
  () => descend(booth, fromArray(xb.slice(0, 2000), 2), optsB),
);
const b = { with: spreadOf(withSec), without: spreadOf(withoutSec), ratio: 0, nit: nitStats(nit!, status!) };
b.ratio = b.without.median / b.with.median;
say(
  `(b) Booth wall time with compaction ${fmtS(b.with)} s, without ${fmtS(b.without)} s: ratio ${b.ratio.toFixed(2)} (target ≥ 3); ` +
    `nit mean ${b.nit.mean.toFixed(1)}, median ${b.nit.median}, 90th percentile ${b.nit.p90}, max ${b.nit.max}; converged ${(100 * b.nit.convergedFraction).toFixed(2)}%; ` +
    `best possible ratio on these starts ≈ max/mean nit = ${(b.nit.max / b.nit.mean).toFixed(2)}`,
);

// (c) compaction where iteration counts really spread: Rosenbrock 2-D, gd lr 1e-3, ≤ 1000
// iterations. Starts in the steep walls diverge or converge within tens of steps, starts along the
// curved valley take the full 1000 (max/mean nit ≈ 4.5 on uniform starts), so without compaction
// most of the batch idles along for the slow ones. Smaller n: the run without compaction costs
// n × 1000 point-iterations.
const nC = Number(args['n-c']);
const optsC: DescentOptions = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 1e-3 }), box: rosenbrock.box(2), sense: 'min', maxIter: 1000 };
const xc = startsFor(rosenbrock).slice(0, 2 * nC);
let nitC: Int32Array | undefined;
let statusC: Uint8Array | undefined;
const [withC, withoutC] = await alternate(
  async () => {
    const r = await descend(rosenbrock, fromArray(xc, 2), optsC, { compact: true });
    ({ nit: nitC, status: statusC } = r);
  },
  () => descend(rosenbrock, fromArray(xc, 2), optsC, { compact: false }),
  () => descend(rosenbrock, fromArray(xc.slice(0, 2000), 2), optsC),
);
const c = { n: nC, with: spreadOf(withC), without: spreadOf(withoutC), ratio: 0, nit: nitStats(nitC!, statusC!) };
c.ratio = c.without.median / c.with.median;
say(
  `(c) Rosenbrock 2-D, ${nC} starts: wall time with compaction ${fmtS(c.with)} s, without ${fmtS(c.without)} s: ratio ${c.ratio.toFixed(2)}; ` +
    `nit mean ${c.nit.mean.toFixed(1)}, median ${c.nit.median}, max ${c.nit.max}; best possible ≈ ${(c.nit.max / c.nit.mean).toFixed(2)}`,
);

if (args.json) {
  writeFileSync(args.json, JSON.stringify({ machine: describeMachine({}), backend, n, repeats, a, b, c, createdAt: new Date().toISOString() }, null, 2) + '\n');
}

function nitStats(nit: Int32Array, status: Uint8Array) {
  const sorted = Int32Array.from(nit).sort();
  let converged = 0;
  let total = 0;
  for (const v of nit) total += v;
  for (const s of status) if (s === STATUS.gtol.code || s === STATUS.xtol.code) converged++;
  return {
    mean: total / nit.length,
    median: sorted[Math.floor(sorted.length / 2)],
    p90: sorted[Math.floor(sorted.length * 0.9)],
    max: sorted[sorted.length - 1],
    convergedFraction: converged / nit.length,
  };
}

function fmt(s: Spread): string {
  return `${s.median.toExponential(3)} [${s.min.toExponential(2)}..${s.max.toExponential(2)}]`;
}

function fmtS(s: Spread): string {
  return `${s.median.toFixed(2)} [${s.min.toFixed(2)}..${s.max.toFixed(2)}]`;
}
