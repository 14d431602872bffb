/**
 * The native engine's figures that `basinmap bench` does not give (it runs float32 only):
 * native against fused-cpu in float64, and the compile time of a kernel, cold and cached.
 * float32 ratios, with the NumPy peer, come from `basinmap bench` itself (benchmarks/README.md).
 *
 * Usage: npx tsx benchmarks/native.ts [repeats]
 * Each cell: one warm-up run (compiles), then `repeats` timed runs, the engines alternating, so
 * load that comes and goes falls on both. Starts: uniform on the box, seed-free (Math.random is
 * fine: every start takes every step, gtol = xtol = 0).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tf } from '../core/tf.ts';
import { DESCENT_DEFAULTS, type DescentOptions } from '../core/options.ts';
import { optimizerSpec } from '../core/optimizers/index.ts';
import type { Dtype } from '../core/dtype.ts';
import { useBackend } from '../src/backends/registry.ts';
import { fromArray, runStarts } from '../src/descent/driver.ts';
import { chooseEngine } from '../src/engines/choose.ts';
import '../src/node/register.ts';
import { findLibraryFunction } from '../src/objectives/library/index.ts';

const repeats = Number(process.argv[2] ?? 3);

if (process.argv[2] === '--compile-once') {
  // Child process: compile (or find in the cache) the Rastrigin-2D gd kernel once, print seconds.
  await useBackend('wasm');
  const t0 = performance.now();
  await compiled('rastrigin', 2, 'gd', 'float32', 1000);
  console.log(((performance.now() - t0) / 1000).toFixed(3));
  process.exit(0);
}

async function compiled(fn: string, d: number, opt: string, dtype: Dtype, steps: number, engine = 'native') {
  const objective = findLibraryFunction(fn)!;
  const descent: DescentOptions = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec(opt, { lr: 1e-3 }), box: objective.box(d), sense: 'min', gtol: 0, xtol: 0, maxIter: steps };
  return (await chooseEngine({ objective, d, descent, dtype }, engine, { backend: tf.getBackend() })).compiled;
}

function starts(fn: string, d: number, n: number) {
  const box = findLibraryFunction(fn)!.box(d);
  return fromArray(Float32Array.from({ length: n * d }, (_, k) => box[k % d][0] + Math.random() * (box[k % d][1] - box[k % d][0])), d);
}

async function cell(fn: string, d: number, opt: string, dtype: Dtype, n: number, steps: number) {
  const engines = ['native', 'fused-cpu'];
  const runs = new Map<string, Awaited<ReturnType<typeof compiled>>>();
  for (const e of engines) runs.set(e, await compiled(fn, d, opt, dtype, steps, e));
  const x0 = starts(fn, d, n);
  const times = new Map<string, number[]>(engines.map((e) => [e, []]));
  for (const e of engines) await runStarts(runs.get(e)!, x0, steps); // warm-up
  for (let r = 0; r < repeats; r++) {
    for (const e of engines) {
      const t0 = performance.now();
      await runStarts(runs.get(e)!, x0, steps);
      times.get(e)!.push((performance.now() - t0) / 1000);
    }
  }
  const rate = (e: string) => (n * steps) / median(times.get(e)!);
  const [a, b] = engines.map(rate);
  console.log(`| ${fn} ${d}-D, ${opt}, ${dtype}, ${n.toExponential(0)} × ${steps} | ${a.toExponential(2)} | ${b.toExponential(2)} | ${(a / b).toFixed(2)}× |`);
}

function median(v: number[]): number {
  const s = [...v].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

await useBackend('wasm');
console.log(`native vs fused-cpu, point-iterations/s, median of ${repeats} (engines alternating)\n`);
console.log('| workload | native | fused-cpu | native ÷ fused-cpu |\n|---|---|---|---|');
if (process.argv[3] !== "compile") await cell('rastrigin', 2, 'gd', 'float64', 1e6, 1000);
if (process.argv[3] !== "compile") await cell('rastrigin', 2, 'gd', 'float64', 1e5, 1000);
if (process.argv[3] !== "compile") await cell('rosenbrock', 10, 'adam', 'float64', 1e5, 100);
if (process.argv[3] !== "compile") await cell('styblinski-tang', 50, 'momentum', 'float64', 1e5, 100);

// Compile time: a fresh cache (gcc runs), then the same kernel again in a new process (cache hit).
const cache = mkdtempSync(join(tmpdir(), 'basinmap-native-cache-'));
const once = () => execFileSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--compile-once'], { env: { ...process.env, BASINMAP_CACHE_DIR: cache }, encoding: 'utf8' }).trim();
const cold = once();
const warm = once();
rmSync(cache, { recursive: true, force: true });
console.log(`\nRastrigin-2D gd kernel, float32: compile ${cold} s with an empty cache, ${warm} s from the cache (chooseEngine to a runnable kernel, in a fresh process)`);
