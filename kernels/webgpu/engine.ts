import type { DescentOptions } from '../../core/options.ts';
import { STATUS } from '../../core/status.ts';
import type { StartResults } from '../../core/results.ts';
import { webgpuBindingLimit } from './limits.ts';
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../../core/tf.ts';
import type { Tape } from '../ad/tape.ts';
import { checkOptions } from '../../core/options.ts';
import { makeOptimizer } from '../../core/optimizers/index.ts';
import { RUNNING } from '../../core/status.ts';
import { scalarTable } from '../record.ts';
import type { EngineOptions, EngineProgress, Evaluation } from '../types.ts';
import { checkedDispatch, FusedProgram, runProgram } from './program.ts';
import { evaluateShader, stepShader, type RowLayout } from './shader.ts';

export interface WebGPUKernel {
  tape: Tape;
  opts: DescentOptions;
  code: string;
  layout: RowLayout;
}

/** Iterations per dispatch; the loop reads back one count per dispatch (progress, and to stop early). */
export const DEFAULT_WEBGPU_STEPS = 256;

export function compileWebGPU(tape: Tape, opts: DescentOptions): WebGPUKernel {
  checkOptions(opts, tape.d);
  const { code, layout } = stepShader(tape, opts);
  return { tape, opts, code, layout };
}

/** The end state as tensors on the GPU ([n, d] x and [n] columns). */
export interface TensorResults {
  x: Tensor2D;
  fun: Tensor1D;
  gradNorm: Tensor1D;
  nit: Tensor1D;
  status: Tensor1D;
}

/** Rows of the state tensor ([n, columns] float32) one dispatch can bind (webgpuBindingLimit). */
export function maxRowsPerDispatch(columns: number): number {
  return Math.max(1, Math.floor(webgpuBindingLimit() / (4 * columns)));
}

/**
 * Runs every start on the GPU: x0 [n, d] in, the results out, all as tfjs tensors. Batches whose
 * state would exceed what the device can bind run in slices of rows, one after another.
 */
export async function runWebGPUTensors(kernel: WebGPUKernel, x0: Tensor2D, engineOpts: EngineOptions = {}, rows = maxRowsPerDispatch(kernel.layout.columns)): Promise<TensorResults> {
  if ((engineOpts.dtype ?? 'float32') !== 'float32') throw new Error('the WebGPU engine runs in float32 only (WGSL has no float64)');
  const [n] = x0.shape;
  if (n <= rows) return runSlice(kernel, x0, engineOpts);
  const parts: TensorResults[] = [];
  try {
    for (let from = 0; from < n; from += rows) {
      const count = Math.min(rows, n - from);
      const slice = tf.slice(x0, [from, 0], [count, x0.shape[1]]);
      const onProgress = engineOpts.onProgress && ((p: EngineProgress) =>
        engineOpts.onProgress!({ done: from + p.done, live: n - from - p.done, iteration: p.iteration }));
      parts.push(await runSlice(kernel, slice, { ...engineOpts, onProgress }).finally(() => slice.dispose()));
    }
    const cat = <T extends Tensor>(pick: (r: TensorResults) => T) => tf.concat(parts.map(pick)) as T;
    return { x: cat((r) => r.x), fun: cat((r) => r.fun), gradNorm: cat((r) => r.gradNorm), nit: cat((r) => r.nit), status: cat((r) => r.status) };
  } finally {
    parts.forEach((r) => tf.dispose(Object.values(r)));
  }
}

async function runSlice(kernel: WebGPUKernel, x0: Tensor2D, engineOpts: EngineOptions): Promise<TensorResults> {
  const [n] = x0.shape;
  const L = kernel.layout;
  const K = Math.max(1, engineOpts.stepsPerCall ?? DEFAULT_WEBGPU_STEPS);
  const d = kernel.tape.d;
  const { program, inputs: extra } = makeProgram(kernel, n);
  let state = initialState(kernel, x0);
  // Iterations every still-running start has done when the loop stops.
  let reached = 0;
  try {
    for (let t0 = 0; t0 <= kernel.opts.maxIter; t0 += K) {
      // Between dispatches, like the CPU engine between calls: stop within K steps of an abort.
      if (engineOpts.signal?.aborted) break;
      const steps = Math.min(K, kernel.opts.maxIter + 1 - t0);
      const live = await checkedDispatch(async () => {
        const next = runProgram(program, [state, ...extra], { n, t0, steps });
        state.dispose();
        state = next;
        const running = tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.slice(state, [0, L.status], [n, 1]), RUNNING), 'int32')));
        const count = (await running.data())[0];
        running.dispose();
        return count;
      });
      reached = Math.min(kernel.opts.maxIter, t0 + K);
      engineOpts.onProgress?.({ done: n - live, live, iteration: live > 0 ? reached : kernel.opts.maxIter });
      if (!live) break;
    }
    const s = state;
    return tf.tidy(() => {
      const column = (k: number) => tf.reshape(tf.slice(s, [0, k], [n, 1]), [n]) as Tensor1D;
      // Starts still running (only after an abort) end where they are, as interrupted.
      const status = column(L.status);
      const running = tf.equal(status, RUNNING);
      const runningRows = tf.reshape(running, [n, 1]);
      const filled = (v: number) => tf.fill([n], v) as Tensor1D;
      return {
        x: tf.where(runningRows, tf.slice(s, [0, L.x], [n, d]), tf.slice(s, [0, L.xOut], [n, d])) as Tensor2D,
        fun: tf.where(running, filled(NaN), column(L.fun)),
        gradNorm: tf.where(running, filled(NaN), column(L.gradNorm)),
        nit: tf.where(running, filled(reached), column(L.nit)),
        status: tf.where(running, filled(STATUS.interrupted.code), status),
      };
    });
  } finally {
    state.dispose();
    tf.dispose(extra);
  }
}

/** The program for n starts, and its inputs besides the state (the optimizer's scalar table, if any). */
export function makeProgram(kernel: WebGPUKernel, n: number): { program: FusedProgram; inputs: Tensor[] } {
  const table = scalarTable(makeOptimizer(kernel.opts.optimizer, kernel.opts.box).scalars, kernel.opts.maxIter);
  const inputs = table ? [tf.tensor1d(Float32Array.from(table))] : [];
  return { program: new FusedProgram(table ? ['state', 'scalars'] : ['state'], [n, kernel.layout.columns], kernel.code, n), inputs };
}

/** The state tensor [n, columns] at t = 0: x, zero optimizer state, status running. */
export function initialState(kernel: WebGPUKernel, x0: Tensor2D): Tensor {
  const [n, d] = x0.shape;
  return tf.tidy(() => tf.concat([x0, tf.zeros([n, kernel.layout.status - d]), tf.fill([n, 1], RUNNING)], 1));
}

export async function runWebGPU(kernel: WebGPUKernel, x0: Float32Array, engineOpts: EngineOptions = {}): Promise<StartResults> {
  const d = kernel.tape.d;
  const n = x0.length / d;
  if (!Number.isInteger(n)) throw new RangeError(`x0 has ${x0.length} values, not a multiple of d = ${d}`);
  if (n === 0) {
    return { n, d, x0: new Float32Array(0), x: new Float32Array(0), fun: new Float32Array(0), gradNorm: new Float32Array(0), nit: new Int32Array(0), status: new Uint8Array(0) };
  }
  const input = tf.tensor2d(x0, [n, d]);
  const r = await runWebGPUTensors(kernel, input, engineOpts);
  input.dispose();
  const [x, fun, gradNorm, nit, status] = await Promise.all([r.x.data(), r.fun.data(), r.gradNorm.data(), r.nit.data(), r.status.data()]);
  tf.dispose(Object.values(r));
  return {
    n, d, x0: Float32Array.from(x0),
    x: Float32Array.from(x), fun: Float32Array.from(fun), gradNorm: Float32Array.from(gradNorm),
    nit: Int32Array.from(nit), status: Uint8Array.from(status),
  };
}

/** f and ∇f at n points ([n, d]) by the generated WGSL (one evaluation; for tests). */
export async function evaluateWebGPU(tape: Tape, points: Float32Array): Promise<Evaluation> {
  const d = tape.d;
  const n = points.length / d;
  const pts = tf.tensor2d(points, [n, d]);
  const out = runProgram(new FusedProgram(['pts'], [n, d + 1], evaluateShader(tape), n), [pts], { n, t0: 0, steps: 0 });
  const all = (await out.data()) as Float32Array;
  tf.dispose([pts, out]);
  const f = new Float32Array(n);
  const grad = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    f[i] = all[i * (d + 1)];
    grad.set(all.subarray(i * (d + 1) + 1, (i + 1) * (d + 1)), i * d);
  }
  return { f, grad };
}
