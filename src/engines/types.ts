import type { Dtype } from '../../core/dtype.ts';
import type { DescentOptions } from '../../core/options.ts';
import type { StartResults } from '../../core/results.ts';
import type { Objective } from '../objectives/types.ts';

/** What an engine compiles: one objective in d dimensions, one set of descent options, one dtype. */
export interface Problem {
  objective: Objective;
  d: number;
  descent: DescentOptions;
  dtype: Dtype;
}

/** Where it runs: the active tfjs backend (the fused WGSL engine runs through webgpu's). */
export interface EngineEnv {
  backend: string;
}

/** Progress within one chunk of starts. */
export interface ChunkProgress {
  /** Starts of the chunk finished so far (any status). */
  done: number;
  /** Starts of the chunk still running. */
  live: number;
  /** Iterations done by the least advanced running start. */
  iteration: number;
}

/** What the driver hands an engine with each chunk. */
export interface ChunkControl {
  /** Stop soon after an abort; unfinished starts come back 'interrupted', where they are. */
  signal?: AbortSignal;
  onProgress?: (p: ChunkProgress) => void;
  /** Engines that test termination only every few steps (tfjs) test it this often. */
  checkEvery: number;
  /** Drop finished starts from the batch (the tfjs engine; fused kernels freeze their lanes instead). */
  compact: boolean;
  /** The driver's chunk size and chunk count: a short last chunk may be padded to a size seen before. */
  chunkRows: number;
  chunks: number;
  /** Every check, the live starts' points (tfjs engine only: what trace records). */
  onCheck?: (c: CheckRecord) => void;
}

export interface CheckRecord {
  /** Iteration of the check. */
  t: number;
  /** Index within the chunk of each row read back. */
  rows: Int32Array;
  /** [rows, d] points, f and ‖g‖ there, and whether the start ended here. */
  x: Float32Array;
  f: Float32Array;
  gradNorm: Float32Array;
  ended: Uint8Array;
}

/** f and ∇f at points, by an engine's own code (for checks against autodiff). */
export interface Evaluation {
  f: Float32Array | Float64Array;
  /** [n, d] row-major. */
  grad: Float32Array | Float64Array;
}

/** A problem compiled by one engine: it steps chunks of starts and nothing else. */
export interface Compiled {
  /** The engine's registry name. */
  engine: string;
  /** How it runs, for the run header: "SIMD WebAssembly on every core, float32". */
  how: string;
  /** The arithmetic of its results (default float32): the driver keeps them in this type. */
  dtype?: Dtype;
  /**
   * Starts per chunk this engine prefers where the caller sets none (the driver's default is
   * sized for tfjs tensors: 8 MiB of x0 a chunk).
   */
  chunkRows?: number;
  runChunk(x0: Float32Array, ctl: ChunkControl): Promise<StartResults>;
  evaluate?(points: Float32Array): Promise<Evaluation>;
  dispose?(): void;
}

/**
 * An engine: a name in the registry and a compile step. Everything around stepping (chunks,
 * progress, cancelling, results, statuses, basins) is the driver's, the same for every engine.
 */
export interface Engine {
  name: string;
  /** What it is, one line (`basinmap engines`). */
  title: string;
  /** Compiles the problem, or throws EngineRefusal saying in one line why it cannot here. */
  compile(problem: Problem, env: EngineEnv): Promise<Compiled>;
  /** Whether it can run here at all, and why not (a missing compiler, no GPU adapter...). */
  status?(): Promise<{ available: boolean; describe: string }>;
}

/** Why an engine cannot run a problem here: one line, printed when it is skipped or refused. */
export class EngineRefusal extends Error {
  override name = 'EngineRefusal';
}
