import { allocateResults, type StartResults } from '../../core/results.ts';
import type { Dtype } from '../../core/dtype.ts';
import { STATUS } from '../../core/status.ts';
import type { ChunkControl, CheckRecord, Compiled } from '../engines/types.ts';
import type { ProgressCallback } from './progress.ts';

/** Any source of start rows: a StartSet from src/starts, or a plain array wrapped by `fromArray`. */
export interface StartRows {
  n: number;
  d: number;
  rows(from: number, count: number): Float32Array;
}

export interface RunControl {
  /** Engines that test termination every few steps (tfjs) test it this often. */
  checkEvery: number;
  /** Starts descended together in one batch; larger sets run chunk after chunk. */
  chunkRows: number;
  /** Drop finished starts from the batch so they stop costing compute (tfjs engine). */
  compact: boolean;
  onProgress?: ProgressCallback;
  /** Aborting stops every engine soon after; unfinished starts are marked 'interrupted'. */
  signal?: AbortSignal;
}

export const RUN_DEFAULTS: Omit<RunControl, 'chunkRows'> = { checkEvery: 10, compact: true };

/** Rows per chunk so that one [rows, d] float32 tensor is ~8 MiB: tens of such tensors are alive per step. */
export function defaultChunkRows(d: number): number {
  return Math.max(1024, Math.floor(2 ** 21 / d));
}

/** Rows per chunk of a run: the caller's, else the engine's preference, else the default for d. */
export function chunkRowsFor(compiled: Pick<Compiled, 'chunkRows'>, d: number, asked?: number): number {
  return asked ?? compiled.chunkRows ?? defaultChunkRows(d);
}

export function fromArray(x0: Float32Array, d: number): StartRows {
  return { n: x0.length / d, d, rows: (from, count) => x0.subarray(from * d, (from + count) * d) };
}

/**
 * The one driver: runs every start through a compiled engine, chunk after chunk, and owns what
 * every engine shares: the result columns, progress over the whole run, cancelling between and
 * within chunks, and the status of starts that never ran (interrupted, reported at their start).
 */
export async function runStarts(compiled: Compiled, starts: StartRows, maxIter: number, control: Partial<RunControl> = {}, onCheck?: (chunkOffset: number, c: CheckRecord) => void): Promise<StartResults> {
  const ctl: RunControl = { ...RUN_DEFAULTS, ...control, chunkRows: chunkRowsFor(compiled, starts.d, control.chunkRows) };
  const { n, d } = starts;
  const chunks = Math.ceil(n / ctl.chunkRows);
  // One chunk: the engine's own columns are the run's (no second set of columns, no copy: at
  // 1e4 starts that is a tenth of a native run, mostly page faults of fresh memory).
  let out: StartResults | undefined = chunks === 1 ? undefined : allocateResults(n, d, compiled.dtype);
  let done = 0;
  for (let c = 0; c < chunks; c++) {
    const from = c * ctl.chunkRows;
    const count = Math.min(ctl.chunkRows, n - from);
    const x0 = starts.rows(from, count);
    if (ctl.signal?.aborted) {
      out ??= allocateResults(n, d, compiled.dtype);
      out.x0.set(x0, from * d);
      markUnstarted(out, from, count, x0);
      continue;
    }
    const chunkCtl: ChunkControl = {
      signal: ctl.signal,
      checkEvery: ctl.checkEvery,
      compact: ctl.compact,
      chunkRows: ctl.chunkRows,
      chunks,
      onProgress: ctl.onProgress && ((p) => ctl.onProgress!({ done: done + p.done, n, live: p.live, iteration: p.iteration, maxIter, chunk: c, chunks })),
      onCheck: onCheck && ((rec) => onCheck(from, rec)),
    };
    const r = await compiled.runChunk(x0, chunkCtl);
    // Every engine returns a copy of its starts as x0 (StartResults); one that shares the
    // caller's array is not adopted, so the results never alias it.
    if (!out && isColumnsOf(r, n, d, compiled.dtype ?? 'float32') && r.x0.buffer !== x0.buffer) out = r;
    out ??= allocateResults(n, d, compiled.dtype);
    if (out === r) {
      done += count;
      ctl.onProgress?.({ done, n, live: 0, iteration: maxIter, maxIter, chunk: c, chunks });
      continue;
    }
    out.x0.set(x0, from * d);
    out.x.set(r.x, from * d);
    out.fun.set(r.fun, from);
    out.gradNorm.set(r.gradNorm, from);
    out.nit.set(r.nit, from);
    out.status.set(r.status, from);
    done += count;
    ctl.onProgress?.({ done, n, live: 0, iteration: maxIter, maxIter, chunk: c, chunks });
  }
  return out ?? allocateResults(n, d, compiled.dtype);
}

/** r has the whole run's columns, of the run's types (an engine's fresh columns, adopted as they are). */
function isColumnsOf(r: StartResults, n: number, d: number, dtype: Dtype): boolean {
  const F = dtype === 'float64' ? Float64Array : Float32Array;
  return r.n === n && r.d === d && r.x0 instanceof Float32Array && r.x0.length === n * d && r.x instanceof F && r.x.length === n * d
    && r.fun instanceof F && r.fun.length === n && r.gradNorm instanceof F && r.gradNorm.length === n && r.nit.length === n && r.status.length === n;
}

/** Starts that never ran report their start as their end point, so files stay well-formed. */
function markUnstarted(out: StartResults, from: number, count: number, x0: Float32Array): void {
  out.x.set(x0, from * out.d);
  out.fun.fill(NaN, from, from + count);
  out.gradNorm.fill(NaN, from, from + count);
  out.nit.fill(0, from, from + count);
  out.status.fill(STATUS.interrupted.code, from, from + count);
}
