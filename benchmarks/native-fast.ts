/**
 * native-fast against native, paired: each repeat runs every variant once, back to back, and the
 * figure is the median over repeats of (native's CPU seconds ÷ the variant's), so load that comes
 * and goes on this shared machine falls on both sides of each ratio. CPU seconds of the process
 * (process.cpuUsage) and wall seconds, kernel on `threads` threads (default 1: what a core does). Every start takes every step (gtol = xtol = 0).
 *
 * Usage: npx tsx benchmarks/native-fast.ts [repeats=15] [threads=1]
 */
import { DESCENT_DEFAULTS, type DescentOptions } from '../core/options.ts';
import { optimizerSpec } from '../core/optimizers/index.ts';
import { buildTape } from '../kernels/ad/build.ts';
import { compileNative, runNative, type NativeKernel } from '../kernels/native/engine.ts';
import { parseExpression } from '../src/objectives/expression/parse.ts';
import { findLibraryFunction } from '../src/objectives/library/index.ts';

const repeats = Number(process.argv[2] ?? 15);
const threads = Number(process.argv[3] ?? 1);

const WORKLOADS = [
  { fn: 'rastrigin', d: 2, opt: 'gd', lr: 1e-3, n: 1e5, steps: 1000 },
  { fn: 'rosenbrock', d: 10, opt: 'adam', lr: 1e-3, n: 2e5, steps: 100 },
  { fn: 'styblinski-tang', d: 50, opt: 'momentum', lr: 1e-3, n: 1e5, steps: 100 },
];

async function kernel(w: (typeof WORKLOADS)[number], fast: boolean): Promise<NativeKernel> {
  const o = findLibraryFunction(w.fn)!;
  const descent: DescentOptions = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec(w.opt, { lr: w.lr }), box: o.box(w.d), sense: 'min', gtol: 0, xtol: 0, maxIter: w.steps };
  const tape = buildTape(parseExpression(o.expression!(w.d), { dim: w.d, params: [] }).expr, w.d);
  return compileNative(tape, descent, 'float32', { fast });
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

console.log(`native-fast ÷ native, float32, ${threads} thread(s), CPU seconds, median of ${repeats} paired repeats [min..max]\n`);
console.log('| workload | native pt-it/CPU-s | native-fast pt-it/CPU-s | native-fast ÷ native, CPU s | same, wall s |\n|---|---|---|---|---|');
for (const w of WORKLOADS) {
  const o = findLibraryFunction(w.fn)!;
  const box = o.box(w.d);
  const x0 = Float32Array.from({ length: w.n * w.d }, (_, k) => box[k % w.d][0] + Math.random() * (box[k % w.d][1] - box[k % w.d][0]));
  const kernels = [await kernel(w, false), await kernel(w, true)];
  const run = async (k: NativeKernel) => {
    const [t0, w0] = [process.cpuUsage(), performance.now()];
    await runNative(k, x0, { threads, stepsPerCall: w.steps + 1 });
    const t = process.cpuUsage(t0);
    return { cpu: (t.user + t.system) / 1e6, wall: (performance.now() - w0) / 1000 };
  };
  for (const k of kernels) await run(k); // warm-up
  const times: Array<Array<{ cpu: number; wall: number }>> = [[], []];
  for (let r = 0; r < repeats; r++) for (let i = 0; i < 2; i++) times[i].push(await run(kernels[i]));
  const ratio = (key: 'cpu' | 'wall') => {
    const v = times[0].map((t, r) => t[key] / times[1][r][key]);
    return `${median(v).toFixed(2)}× [${Math.min(...v).toFixed(2)}..${Math.max(...v).toFixed(2)}]`;
  };
  const rate = (i: number) => ((w.n * w.steps) / median(times[i].map((t) => t.cpu))).toExponential(2);
  console.log(`| ${w.fn} ${w.d}-D ${w.opt}, ${w.n.toExponential(0)} × ${w.steps} | ${rate(0)} | ${rate(1)} | ${ratio('cpu')} | ${ratio('wall')} |`);
}
