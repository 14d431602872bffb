
import type { Dtype } from '../core/dtype.ts';

export type FusedDtype = Dtype;
export type FusedTarget = 'cpu' | 'webgpu' | 'native';

export interface EngineOptions {
  /** Arithmetic of the run. float64 exists only on the CPU engine (tfjs and WGSL have none). */
  dtype?: FusedDtype;
  /** Steps per kernel call (CPU) or per dispatch (WebGPU) before control returns to JavaScript. */
  stepsPerCall?: number;
  /** CPU worker threads (native: pthreads); default: os.availableParallelism(). */
  threads?: number;
  /** Stop within stepsPerCall steps of an abort; starts not finished come back as 'interrupted'. */
  signal?: AbortSignal;
  /** Called between calls (CPU: per block of starts) or dispatches (WebGPU) as the run advances. */
  onProgress?: (p: EngineProgress) => void;
}

export interface EngineProgress {
  /** Starts finished so far (any status). */
  done: number;
  /** Starts still running. */
  live: number;
  /** Iterations done by the least advanced start now being run (CPU: of the blocks in flight; maxIter once none is left). */
  iteration: number;
}

/** f and ∇f at n points, one evaluation of the compiled tape (exposed for tests). */
export interface Evaluation {
  f: Float32Array | Float64Array;
  /** [n, d] row-major. */
  grad: Float32Array | Float64Array;
}
