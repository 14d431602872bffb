import { totalmem } from 'node:os';
import { UserError } from '../../core/errors.ts';
import type { Dtype } from '../../core/dtype.ts';

/**
 * What a map keeps per start while it runs: the start (float32, d values), the end point and f
 * and ‖g‖ (the run's dtype), nit, status, its outcome, its cluster label, and a reference for the
 * picture's colour. The descent itself works on chunks, whose size does not grow with n.
 */
export function bytesPerStart(d: number, dtype: Dtype): number {
  const w = dtype === 'float64' ? 8 : 4;
  return 4 * d + w * d + 2 * w + 4 + 1 + 4 + 4 + 8;
}

/** The share of the machine's memory a run may plan for: the rest is the OS's, tfjs's and the writers'. */
const SHARE = 0.6;

/** The most starts whose results fit in memory here. */
export function startsThatFit(d: number, dtype: Dtype, total = totalmem()): number {
  return Math.floor((SHARE * total) / bytesPerStart(d, dtype));
}

/**
 * Refuses, before anything is allocated, a run whose per-start results cannot fit in memory, with
 * the largest n that does and the ways to go bigger; otherwise it would grow until the system
 * kills it (or fail with a typed-array RangeError).
 */
export function checkFits(n: number, d: number, dtype: Dtype, total = totalmem()): void {
  const most = startsThatFit(d, dtype, total);
  if (n <= most) return;
  const gb = (b: number) => `${(b / 1e9).toFixed(b < 1e10 ? 1 : 0)} GB`;
  throw new UserError(
    `${n.toLocaleString('en-US')} starts need about ${gb(n * bytesPerStart(d, dtype))} for their results (${bytesPerStart(d, dtype)} bytes a start at d = ${d}), ` +
      `more than ${Math.round(SHARE * 100)}% of this machine's ${(total / 2 ** 30).toFixed(0)} GiB: at most ${most.toLocaleString('en-US')} fit; ` +
      'split the sweep into shards (--shard k/K, or basinmap slurm) or use fewer starts',
  );
}
