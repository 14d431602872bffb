import { availableParallelism } from 'node:os';
import type { DescentOptions } from '../../core/options.ts';
import type { StartResults } from '../../core/results.ts';
import type { Tape } from '../ad/tape.ts';
import { checkOptions } from '../../core/options.ts';
import { makeOptimizer, stateCount } from '../../core/optimizers/index.ts';
import { scalarTable } from '../record.ts';
import type { EngineOptions, Evaluation, FusedDtype } from '../types.ts';
import type { Layout } from './layout.ts';
import { WASM_IMPORTS } from './emit.ts';
import { cpuPool } from './pool.ts';
import { buildStepModule } from './step-module.ts';

export interface CpuKernel {
  tape: Tape;
  opts: DescentOptions;
  dtype: FusedDtype;
  layout: Layout;
  module: WebAssembly.Module;
  /** Identifies the kernel in the workers' instance cache. */
  key: string;
}

/** Vectors per group for small problems: four in flight hide the latency of long dependency chains (sin/cos, divisions); measured 15-25% faster than two on Rastrigin and Ackley (float32, gd and adam). */
export const DEFAULT_UNROLL = 4;

/**
 * Vectors per group for d coordinates and nState optimizer state vectors: a group keeps
 * unroll × d × (1 + nState) vectors live across the step loop, and once those overflow the 16
 * xmm registers by far, spills cost more than the extra chains hide. Measured (float32, 2-core
 * EPYC, the best unroll against 4): 6 live vectors or fewer, 4 (Rastrigin 2-D gd, Himmelblau and
 * Ackley 2-D adam); 7 to 48, 2 (Levy 8-D gd ×1.6, Styblinski-Tang 36-D gd ×1.9, Rosenbrock 16-D
 * adam ×1.5; at worst 0.9× 4, on Rosenbrock 10-D adam and Styblinski-Tang 12-D gd); beyond, 1
 * (Styblinski-Tang 50-D momentum ×2.1).
 */
export function defaultUnroll(d: number, nState: number): number {
  const live = d * (1 + nState);
  return live <= 6 ? DEFAULT_UNROLL : live <= 48 ? 2 : 1;
}
/** Iterations per wasm call: long enough to amortise the call, short enough to stop soon once a block is done. */
export const DEFAULT_STEPS_PER_CALL = 256;

let counter = 0;

/** Builds the SIMD kernel for one expression and one set of descent options. */
export async function compileCpu(tape: Tape, opts: DescentOptions, dtype: FusedDtype = 'float32', unroll = defaultUnroll(tape.d, stateCount(makeOptimizer(opts.optimizer)))): Promise<CpuKernel> {
  checkOptions(opts, tape.d);
  const { bytes, layout } = buildStepModule(tape, opts, dtype, unroll);
  const module = await WebAssembly.compile(bytes);
  return { tape, opts, dtype, layout, module, key: `k${process.pid}-${counter++}` };
}

/** Runs every start on all cores: blocks of starts go to a pool of worker threads. */
export async function runCpu(kernel: CpuKernel, x0: Float32Array, engineOpts: EngineOptions = {}): Promise<StartResults> {
  const { d } = kernel.tape;
  const n = x0.length / d;
  if (!Number.isInteger(n)) throw new RangeError(`x0 has ${x0.length} values, not a multiple of d = ${d}`);
  const threads = Math.max(1, engineOpts.threads ?? availableParallelism());
  const pool = cpuPool(threads);
  const stepsPerCall = Math.max(1, engineOpts.stepsPerCall ?? DEFAULT_STEPS_PER_CALL);
  const table = scalarTable(makeOptimizer(kernel.opts.optimizer).scalars, kernel.opts.maxIter);
  const G = kernel.layout.groupSize;
  // Several blocks per thread so that a block of quick starts does not leave a core idle.
  const block = Math.min(1 << 16, Math.max(G, Math.ceil(n / (threads * 8) / G) * G));

  const out: StartResults = {
    n, d, x0: Float32Array.from(x0),
    x: new Float32Array(n * d), fun: new Float32Array(n), gradNorm: new Float32Array(n),
    nit: new Int32Array(n), status: new Uint8Array(n),
  };
  const abort = engineOpts.signal ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
  const raise = () => abort && Atomics.store(abort, 0, 1);
  if (engineOpts.signal?.aborted) raise();
  engineOpts.signal?.addEventListener('abort', raise, { once: true });
  const blocks: number[] = [];
  for (let from = 0; from < n; from += block) blocks.push(from);
  let next = 0;
  // Progress: starts of finished blocks, plus what the running blocks report between calls.
  let doneInFinished = 0;
  const inFlight = new Map<number, { count: number; finished: number; iteration: number }>();
  const report = engineOpts.onProgress && (() => {
    let done = doneInFinished, live = 0, iteration = kernel.opts.maxIter;
    for (const b of inFlight.values()) {
      done += b.finished;
      live += b.count - b.finished;
      iteration = Math.min(iteration, b.iteration);
    }
    // Starts of blocks not started yet are live too; the iteration is that of the blocks running.
    const waiting = n - done - live;
    engineOpts.onProgress!({ done, live: live + waiting, iteration: inFlight.size === 0 && waiting > 0 ? 0 : iteration });
  });
  const lane = async () => {
    while (next < blocks.length) {
      const from = blocks[next++];
      const count = Math.min(block, n - from);
      const xs = x0.slice(from * d, (from + count) * d);
      inFlight.set(from, { count, finished: 0, iteration: 0 });
      const r = await pool.run(
        { key: kernel.key, module: kernel.module, layout: kernel.layout, x0: xs, table, stepsPerCall, maxIter: kernel.opts.maxIter, abort },
        [xs.buffer],
        report && ((p) => {
          inFlight.set(from, { count, ...p });
          report();
        }),
      );
      inFlight.delete(from);
      doneInFinished += count;
      report?.();
      out.x.set(r.x, from * d);
      out.fun.set(r.fun, from);
      out.gradNorm.set(r.gradNorm, from);
      out.nit.set(r.nit, from);
      out.status.set(r.status, from);
    }
  };
  await Promise.all(Array.from({ length: Math.min(threads, blocks.length) }, lane)).finally(() => engineOpts.signal?.removeEventListener('abort', raise));
  return out;
}

/**
 * f and ∇f at n points ([n, d]) by the kernel's own generated code (its `evaluate` export), on
 * this thread: what the gradient tests compare with tf.grad.
 */
export async function evaluateCpu(kernel: CpuKernel, points: ArrayLike<number>): Promise<Evaluation> {
  const { d } = kernel.tape;
  const W = kernel.layout.width;
  const n = points.length / d;
  const nVec = Math.ceil(n / W);
  const inst = await WebAssembly.instantiate(kernel.module, WASM_IMPORTS);
  const { memory, evaluate, heap_base } = inst.exports as { memory: WebAssembly.Memory; heap_base: WebAssembly.Global; evaluate: (a: number, b: number, c: number) => void };
  const base = heap_base.value as number;
  const inBytes = nVec * d * 16;
  const need = base + inBytes + nVec * (d + 1) * 16;
  if (memory.buffer.byteLength < need) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
  const Arr = kernel.dtype === 'float32' ? Float32Array : Float64Array;
  const es = Arr.BYTES_PER_ELEMENT;
  const buf = new Arr(memory.buffer, base);
  for (let i = 0; i < n; i++) {
    const v = Math.floor(i / W), l = i % W;
    for (let j = 0; j < d; j++) buf[(v * d + j) * W + l] = points[i * d + j];
  }
  evaluate(base, base + inBytes, nVec);
  const f = new Arr(n);
  const grad = new Arr(n * d);
  const o = inBytes / es;
  for (let i = 0; i < n; i++) {
    const v = Math.floor(i / W), l = i % W;
    f[i] = buf[o + v * (d + 1) * W + l];
    for (let j = 0; j < d; j++) grad[i * d + j] = buf[o + (v * (d + 1) + 1 + j) * W + l];
  }
  return { f, grad };
}
