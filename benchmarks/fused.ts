/**
 * Fused CPU kernel vs the tfjs wasm path on Rastrigin-2D (gd, lr 1e-3, float32): point-iterations
 * per second of each, measured in the same run, and their ratio.
 *   npx tsx benchmarks/fused.ts [--starts 1e6] [--steps 1000] [--ref-starts 1e5] [--ref-steps 20]
 *                            [--threads N] [--unroll U] [--dtype float32|float64]
 *                            [--webgpu [--gpu-starts 1e5]]  (adds the WGSL engine vs tfjs-webgpu)
 * Tolerances are 0 so every start runs all its steps: the count of point-iterations is exact
 * (Σ nit, one gradient step each) and the comparison is of the same work.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { DescentOptions } from '../core/options.ts';
import { optimizerSpec } from '../core/optimizers/index.ts';
import type { StartResults } from '../core/results.ts';
import { buildTape } from '../kernels/ad/build.ts';
import { opCounts } from '../kernels/ad/tape.ts';
import { compileCpu, DEFAULT_UNROLL } from '../kernels/cpu/codegen/compile.ts';
import { runCpu } from '../kernels/cpu/runtime/run.ts';
import { closeCpuPool } from '../kernels/cpu/runtime/pool.ts';
import type { FusedDtype } from '../kernels/types.ts';
import { compileWebGPU, runWebGPU } from '../kernels/webgpu/engine.ts';
import { useBackend } from '../src/backends/registry.ts';
import { fromArray, runStarts } from '../src/descent/driver.ts';
import { tfjsEngine } from '../src/engines/tfjs.ts';
import { objectiveFromExpression } from '../src/objectives/expression/objective.ts';
import { parseExpression } from '../src/objectives/expression/parse.ts';

const { values } = parseArgs({
  options: {
    starts: { type: 'string', default: '1e6' },
    steps: { type: 'string', default: '1000' },
    'ref-starts': { type: 'string', default: '1e5' },
    'ref-steps': { type: 'string', default: '20' },
    threads: { type: 'string' },
    unroll: { type: 'string', default: String(DEFAULT_UNROLL) },
    dtype: { type: 'string', default: 'float32' },
    'steps-per-call': { type: 'string', default: '256' },
    webgpu: { type: 'boolean', default: false },
    'gpu-starts': { type: 'string', default: '1e5' },
  },
});
const n = Number(values.starts);
const steps = Number(values.steps);
const threads = Number(values.threads ?? availableParallelism());
const dtype = values.dtype as FusedDtype;

const formula = '20 + x1^2 - 10*cos(2*pi*x1) + x2^2 - 10*cos(2*pi*x2)';
const expr = parseExpression(formula).expr;
const box: Array<[number, number]> = [[-5.12, 5.12], [-5.12, 5.12]];
const opts = (maxIter: number): DescentOptions => ({
  optimizer: optimizerSpec('gd', { lr: 1e-3 }),
  maxIter, gtol: 0, xtol: 0, box, divergeRadius: 10, sense: 'min',
});
const starts = (count: number) => {
  let s = 12345;
  return Float32Array.from({ length: 2 * count }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return -5.12 + (10.24 * s) / 2 ** 32;
  });
};
const pointIterations = (nit: Int32Array) => nit.reduce((a, b) => a + b, 0);
// The tfjs engine testing the rule at every step, as the fused kernels do (the old reference engine).
const objective = objectiveFromExpression(formula, { box });
const runReference = async (x0: Float32Array, o: DescentOptions): Promise<StartResults> =>
  runStarts(await tfjsEngine.compile({ objective, d: 2, descent: o, dtype: 'float32' }, { backend: '' }), fromArray(x0, 2), o.maxIter, { checkEvery: 1, compact: false });

console.log(`Rastrigin-2D "${formula}", gd lr 1e-3, ${dtype}; ${cpus()[0]?.model ?? 'cpu'} ×${availableParallelism()}, node ${process.version}`);
console.log(`tape: ${JSON.stringify(opCounts(buildTape(expr, 2)))}`);

const kernel = await compileCpu(buildTape(expr, 2), opts(steps), dtype, Number(values.unroll));
await runCpu(kernel, starts(4096), { threads }); // warm-up: worker start, wasm tier-up
const x0 = starts(n);
let t = performance.now();
const cpu0 = process.cpuUsage();
const fused = await runCpu(kernel, x0, { threads, stepsPerCall: Number(values['steps-per-call']) });
const fusedS = (performance.now() - t) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuS = (cpu.user + cpu.system) / 1e6;
const fusedRate = pointIterations(fused.nit) / fusedS;
console.log(`fused CPU (${threads} threads, unroll ${values.unroll}): ${n} starts, ${pointIterations(fused.nit)} point-iterations in ${fusedS.toFixed(2)} s = ${fusedRate.toExponential(3)} point-iter/s`);
// On a shared machine the wall-clock rate depends on what else runs; the CPU time this process
// got says how much of the machine the measurement really had.
console.log(`  CPU time ${cpuS.toFixed(2)} s (${(cpuS / fusedS).toFixed(2)} of ${threads} cores busy) = ${(pointIterations(fused.nit) / cpuS).toExponential(3)} point-iter per CPU-second; load average ${loadavg()[0].toFixed(2)}`);
await closeCpuPool();

await useBackend('wasm');
const refN = Number(values['ref-starts']);
const refSteps = Number(values['ref-steps']);
await runReference(starts(1000), opts(2));
t = performance.now();
const ref = await runReference(starts(refN), opts(refSteps));
const refS = (performance.now() - t) / 1000;
const refRate = pointIterations(ref.nit) / refS;
// Each start runs all its steps only while no tolerance can stop it: gtol = xtol = 0 here.
console.log(`tfjs wasm reference engine: ${refN} starts × ${refSteps} steps in ${refS.toFixed(2)} s = ${refRate.toExponential(3)} point-iter/s`);
console.log(`ratio fused / tfjs wasm: ${(fusedRate / refRate).toFixed(0)}×`);

if (values.webgpu) {
  await useBackend('webgpu');
  const gn = Number(values['gpu-starts']);
  const gpuKernel = compileWebGPU(buildTape(expr, 2), opts(steps));
  await runWebGPU(gpuKernel, starts(1024));
  t = performance.now();
  const gpu = await runWebGPU(gpuKernel, starts(gn));
  const gpuS = (performance.now() - t) / 1000;
  const gpuRate = pointIterations(gpu.nit) / gpuS;
  console.log(`fused WebGPU: ${gn} starts, ${pointIterations(gpu.nit)} point-iterations in ${gpuS.toFixed(2)} s = ${gpuRate.toExponential(3)} point-iter/s`);
  await runReference(starts(1000), opts(2));
  t = performance.now();
  const gref = await runReference(starts(refN), opts(refSteps));
  const grefS = (performance.now() - t) / 1000;
  const grefRate = pointIterations(gref.nit) / grefS;
  console.log(`tfjs webgpu reference engine: ${refN} starts × ${refSteps} steps in ${grefS.toFixed(2)} s = ${grefRate.toExponential(3)} point-iter/s`);
  console.log(`ratio fused WebGPU / tfjs webgpu: ${(gpuRate / grefRate).toFixed(0)}×`);
}
