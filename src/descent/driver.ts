import { allocateResults, type StartResults } from '../../core/results.ts';
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

export function fromArray(x0: Float32Array, d: number): StartRows {
  return { n: x0.length / d, d, rows: (from, count) => x0.subarray(from * d, (from + count) * d) };
}

/**
 * The one driver: runs every start through a compiled engine, chunk after chunk, and owns what
 * every engine shares: the result columns, progress over the whole run, cancelling between and
 * within chunks, and the status of starts that never ran (interrupted, reported at their start).
 */
export async function runStarts(compiled: Compiled, starts: StartRows, maxIter: number, control: Partial<RunControl> = {}, onCheck?: (chunkOffset: number, c: CheckRecord) => void): Promise<StartResults> {
  const ctl: RunControl = { ...RUN_DEFAULTS, chunkRows: defaultChunkRows(starts.d), ...control };
  const { n, d } = starts;
  const out = allocateResults(n, d, compiled.dtype);
  const chunks = Math.ceil(n / ctl.chunkRows);
  let done = 0;
  for (let c = 0; c < chunks; c++) {
    const from = c * ctl.chunkRows;
    const count = Math.min(ctl.chunkRows, n - from);
    const x0 = starts.rows(from, count);
    out.x0.set(x0, from * d);
    if (ctl.signal?.aborted) {
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
    out.x.set(r.x, from * d);
    out.fun.set(r.fun, from);
    out.gradNorm.set(r.gradNorm, from);
    out.nit.set(r.nit, from);
    out.status.set(r.status, from);
    done += count;
    ctl.onProgress?.({ done, n, live: 0, iteration: maxIter, maxIter, chunk: c, chunks });
  }
  return out;
}

/** Starts that never ran report their start as their end point, so files stay well-formed. */
function markUnstarted(out: StartResults, from: number, count: number, x0: Float32Array): void {
  out.x.set(x0, from * out.d);
  out.fun.fill(NaN, from, from + count);
  out.gradNorm.fill(NaN, from, from + count);
  out.nit.fill(0, from, from + count);
  out.status.fill(STATUS.interrupted.code, from, from + count);
}
