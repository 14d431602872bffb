import type { StartResults } from '../../core/results.ts';
import { STATUS, statusName } from '../../core/status.ts';

/**
 * What became of each start, decided once after clustering: the basin it reached (≥ 0), or one of
 * these. Plots, per-start files and counts read it; none re-derives it from the statuses.
 */
export const OUTCOME = { diverged: -1, maxiter: -2, interrupted: -3 } as const;
export type OutcomeName = keyof typeof OUTCOME;

/**
 * A start without a basin: diverged (non-finite or escaped, or a "converged" status at a
 * non-finite f), stopped at the iteration limit, or interrupted.
 */
export function unclusteredOutcome(r: StartResults, i: number): number {
  const s = STATUS[statusName(r.status[i])];
  if (s.diverged || (s.converged && !Number.isFinite(r.fun[i]))) return OUTCOME.diverged;
  return r.status[i] === STATUS.maxiter.code ? OUTCOME.maxiter : OUTCOME.interrupted;
}

/** "basin 3", "diverged", "maxiter" or "interrupted". */
export function outcomeName(code: number): string {
  if (code >= 0) return `basin ${code}`;
  const name = (Object.keys(OUTCOME) as OutcomeName[]).find((k) => OUTCOME[k] === code);
  if (!name) throw new RangeError(`no outcome with code ${code}`);
  return name;
}
