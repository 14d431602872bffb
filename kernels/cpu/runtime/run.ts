import { availableParallelism } from 'node:os';
import { allocateResults, type StartResults } from '../../../core/results.ts';
import { makeOptimizer } from '../../../core/optimizers/index.ts';
import { scalarTable } from '../../record.ts';
import type { EngineOptions, Evaluation, FusedDtype } from '../../types.ts';
import { WASM_IMPORTS } from '../imports.ts';
import { cpuPool } from './pool.ts';
import type { CpuKernel } from '../codegen/compile.ts';

/** Iterations per wasm call: long enough to amortise the call, short enough to stop soon once a block is done. */
export const DEFAULT_STEPS_PER_CALL = 256;

/** Runs every start on all cores: blocks of starts go to a pool of worker threads. */
export async function runCpu(kernel: CpuKernel, x0: Float32Array, engineOpts: EngineOptions = {}): Promise<StartResults> {
  const { d } = kernel.tape;
  const n = x0.length / d;
  if (!Number.isInteger(n)) throw new RangeError(`x0 has ${x0.length} values, not a multiple of d = ${d}`);
  const threads = Math.max(1, engineOpts.threads ?? availableParallelism());
  const pool = cpuPool(threads);
  const stepsPerCall = Math.max(1, engineOpts.stepsPerCall ?? DEFAULT_STEPS_PER_CALL);
  const table = scalarTable(makeOptimizer(kernel.opts.optimizer, kernel.opts.box).scalars, kernel.opts.maxIter);
  const G = kernel.layout.groupSize;
  // Several blocks per thread so that a block of quick starts does not leave a core idle.
  const block = Math.min(1 << 16, Math.max(G, Math.ceil(n / (threads * 8) / G) * G));

  const out = allocateResults(n, d, kernel.dtype);
  out.x0.set(x0);
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
