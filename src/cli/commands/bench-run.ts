import { readFileSync } from 'node:fs';
import { backendNames, probeBackend } from '../../backends/registry.ts';
import { ENGINE_ROWS } from '../../bench/engines.ts';
import { renderChart } from '../../bench/chart.ts';
import { compareReports } from '../../bench/compare.ts';
import { compareTable } from '../../bench/compare-table.ts';
import { sci, size } from '../../bench/format.ts';
import { BENCH_SCHEMA, type BenchReport, type BenchSettings } from '../../bench/report.ts';
import { runBench, type BenchEvent } from '../../bench/run-bench.ts';
import { SUITES } from '../../bench/suites.ts';
import { benchTable } from '../../bench/table.ts';
import { WORKLOADS } from '../../bench/workloads.ts';
import { UserError } from '../../../core/errors.ts';
import { writeFileAtomic } from '../../io/atomic.ts';
import { proveWritableFile } from '../../io/destination.ts';
import { commandLine } from '../format.ts';
import type { BenchArgs } from './bench.ts';

/** Sizes beyond this need more than 24 GiB somewhere along the way (starts + results + CSV). */
const MAX_BENCH_SIZE = 1e7;

/** `basinmap bench`, once its arguments are parsed and checked (loaded only when it runs: see bench.ts). */
export async function runBenchCommand(a: BenchArgs): Promise<void> {
  if (a.compare !== undefined) {
    if (a.compare.length !== 2) throw new UserError(`--compare takes two files (before after), got ${a.compare.length}`);
    const [before, after] = a.compare.map(readReport);
    process.stdout.write(compareTable(compareReports(before, after), a.compare[0], a.compare[1]));
    return;
  }
  // Proven writable before measuring anything: a bench run can take many minutes.
  proveWritableFile(a.json, '--json', 'bench.json');
  proveWritableFile(a.chart, '--chart', 'bench.png');
  if (a.from !== undefined) {
    const report = readReport(a.from);
    process.stdout.write(benchTable(report));
    if (a.chart !== undefined) {
      writeFileAtomic(a.chart, await renderChart(report), { option: '--chart' });
      process.stdout.write(`wrote ${a.chart}\n`);
    }
    return;
  }
  const settings = await settingsFromArgs(a);
  const report = await runBench({ settings, command: commandLine(), onEvent: a.quiet ? undefined : progressLine });
  if (a.json !== undefined) writeFileAtomic(a.json, JSON.stringify(report, null, 2) + '\n', { option: '--json' });
  if (a.chart !== undefined) writeFileAtomic(a.chart, await renderChart(report), { option: '--chart' });
  process.stdout.write(benchTable(report));
  if (a.json !== undefined) process.stdout.write(`wrote ${a.json}\n`);
  if (a.chart !== undefined) process.stdout.write(`wrote ${a.chart}\n`);
}

async function settingsFromArgs(a: BenchArgs): Promise<BenchSettings> {
  const suite = SUITES[a.suite];
  const workloads = a.workloads ? list(a.workloads) : suite.workloads;
  for (const w of workloads) {
    if (!WORKLOADS[w]) throw new UserError(`unknown workload "${w}": choose from ${Object.keys(WORKLOADS).join(', ')}`);
  }
  const backends = a.backends ? list(a.backends) : await defaultBenchBackends();
  for (const b of backends) {
    const rows = [...backendNames(), ...Object.keys(ENGINE_ROWS)];
    if (!rows.includes(b)) throw new UserError(`unknown backend "${b}": choose from ${rows.join(', ')}`);
  }
  const repeats = a.repeats ?? suite.repeats;
  if (!(Number.isInteger(repeats) && repeats >= 1)) throw new UserError(`--repeats must be a whole number ≥ 1, got ${a.repeats}`);
  const steps = a.steps ?? suite.steps;
  if (steps !== null && !(Number.isInteger(steps) && steps >= 1)) throw new UserError(`--steps must be a whole number ≥ 1, got ${a.steps}`);
  const budgetSeconds = a.budget ?? suite.budgetSeconds;
  if (!(budgetSeconds > 0)) throw new UserError(`--budget must be a number of seconds > 0, got ${a.budget}`);
  return { suite: suite.name, backends, sizes: a.sizes ? parseSizes(a.sizes) : suite.sizes, workloads, repeats, steps, budgetSeconds, peers: a.peers };
}

/** "1e2,1e4,1e6" → [100, 10000, 1000000]. */
export function parseSizes(text: string): number[] {
  return list(text).map((s) => {
    const n = Number(s);
    if (!(Number.isInteger(n) && n >= 1 && n <= MAX_BENCH_SIZE)) {
      throw new UserError(`--sizes: "${s}" must be a whole number from 1 to 1e7 (e.g. 1e2,1e4,1e6)`);
    }
    return n;
  });
}

/** Every backend available here, less software GPU adapters (they are slower than cpu; name them to include them). */
async function defaultBenchBackends(): Promise<string[]> {
  const names = backendNames();
  const probes = await Promise.all(names.map((n) => probeBackend(n)));
  const tfjs = names.filter((_, i) => probes[i].available && !probes[i].software);
  // The fused kernels beside them: fused-native where it compiles here, fused-webgpu only on a
  // hardware adapter, like webgpu itself.
  const { nativeStatus } = await import('../../../kernels/index.ts');
  const native = (await nativeStatus()).available ? ['fused-native'] : [];
  return [...tfjs, 'fused-cpu', ...native, ...(tfjs.includes('webgpu') ? ['fused-webgpu'] : [])];
}

function readReport(path: string): BenchReport {
  let doc: BenchReport;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserError(`cannot read ${path} as JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc?.schema !== BENCH_SCHEMA) throw new UserError(`${path} is not a basinmap bench file (schema ${String(doc?.schema)}, expected ${BENCH_SCHEMA})`);
  return doc;
}

function list(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

function progressLine(e: BenchEvent): void {
  const say = (s: string) => process.stderr.write(s + '\n');
  if (e.kind === 'backend') say(`backend ${e.entry.name}: ${e.entry.available ? `${e.entry.device ?? ''} (init ${e.entry.initSeconds?.toFixed(2)} s)` : `unavailable: ${e.entry.reason}`}`);
  else if (e.kind === 'cell') {
    const c = e.cell;
    const what = c.status === 'ok' ? `${sci(c.pointIterationsPerSecond!.median)} pt-it/s, ${c.seconds!.median.toFixed(2)} s/run` : `${c.status}: ${c.reason}`;
    say(`${c.workload} n=${size(c.n)} ${c.backend}: ${what}`);
  } else if (e.kind === 'peer') {
    const p = e.peer;
    say(`peer ${p.peer} n=${size(p.n)}: ${p.status === 'ok' ? `${sci(p.pointIterationsPerSecond)} pt-it/s on ${p.device}` : `${p.status}: ${p.reason}`}`);
  }
}
