import type { StartResults } from '../../core/results.ts';

/** Consecutive per-start rows: their results, their outcomes, and the number of the first one. */
export interface RowBatch {
  /** Start number of the batch's first row (a shard's rows keep the numbers of the whole sweep). */
  start: number;
  results: StartResults;
  /** Per row: the basin reached, or an OUTCOME code (basins/outcome.ts). */
  outcome: Int32Array;
}

/**
 * Every start's results and outcome in start order, handed out in batches: the writers of the
 * per-start files read through this, so the same writer serves results held in memory (one
 * machine) and results read shard after shard from disk (a merge), and the bytes they write do
 * not depend on which.
 */
export interface ResultRows {
  n: number;
  d: number;
  /** Batches of exactly `size` rows (the last one may be shorter), from the first row on. */
  batches(size: number): AsyncIterable<RowBatch>;
}

/** Rows [from, to) of r, as views (no copy). */
export function sliceResults(r: StartResults, from: number, to: number): StartResults {
  const { d } = r;
  return {
    n: to - from,
    d,
    x0: r.x0.subarray(from * d, to * d),
    x: r.x.subarray(from * d, to * d),
    fun: r.fun.subarray(from, to),
    gradNorm: r.gradNorm.subarray(from, to),
    nit: r.nit.subarray(from, to),
    status: r.status.subarray(from, to),
  };
}

/** Results held in memory; `firstStart` numbers the first row (0, or a shard's first start). */
export function rowsInMemory(r: StartResults, outcome: Int32Array, firstStart = 0): ResultRows {
  return {
    n: r.n,
    d: r.d,
    async *batches(size: number) {
      for (let from = 0; from < r.n; from += size) {
        const to = Math.min(r.n, from + size);
        yield { start: firstStart + from, results: sliceResults(r, from, to), outcome: outcome.subarray(from, to) };
      }
    },
  };
}
