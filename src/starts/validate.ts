import { UserError } from '../../core/errors.ts';
import type { Box } from '../objectives/types.ts';

/**
 * Largest set any sampler builds. Indices then fit in 32 bits, which is what the counter hash,
 * the Feistel permutation and the Sobol' direction numbers (32 of them) are built for.
 */
export const MAX_STARTS = 2 ** 32;

export function checkBox(box: Box): void {
  if (!Array.isArray(box) || box.length < 1) {
    throw new UserError('the box has no axes; give at least one [low, high] interval');
  }
  box.forEach((axis, j) => {
    const [lo, hi] = axis ?? [];
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
      throw new UserError(`box axis ${j + 1} is [${lo}, ${hi}]; both ends must be finite numbers`);
    }
    if (lo > hi) {
      throw new UserError(`box axis ${j + 1} is [${lo}, ${hi}], low above high; swap the ends`);
    }
  });
}

/** A count of starts: a positive whole number no larger than MAX_STARTS. */
export function checkCount(n: unknown, what = 'n'): number {
  if (typeof n !== 'number' || Number.isNaN(n)) {
    throw new UserError(`${what} is ${String(n)}, not a number; give the number of starts, e.g. 10000`);
  }
  if (n === 0) throw new UserError(`${what} = 0 gives zero starts; give at least 1`);
  if (n < 0) throw new UserError(`${what} = ${n} is negative; give a positive number of starts`);
  if (!Number.isInteger(n)) throw new UserError(`${what} = ${n} is not a whole number; give an integer count of starts`);
  if (n > MAX_STARTS) {
    throw new UserError(`${what} = ${n} exceeds the limit of ${MAX_STARTS} starts; use fewer starts`);
  }
  return n;
}

export function checkSeed(seed: unknown): number {
  if (seed === undefined) return 0;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new UserError(`seed ${String(seed)} is not a safe integer; give a whole number such as 1 or 42`);
  }
  return seed;
}

export function checkRows(from: number, count: number, n: number): void {
  if (!Number.isInteger(from) || from < 0 || !Number.isInteger(count) || count < 0) {
    throw new UserError(`rows(${from}, ${count}): from and count must be whole numbers ≥ 0`);
  }
  if (from + count > n) {
    throw new UserError(`rows ${from}..${from + count - 1} requested but the set has ${n} starts; stay below ${n}`);
  }
}
