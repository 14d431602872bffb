import type { LineSearch, OptimizerName, OptimizerSpec } from '../../core/optimizers/index.ts';

/**
 * lr auto and the line search: with no α given, gd backtracks per start (core/optimizers/
 * line-search.ts) from α = 1/L, unless the user chose (`--line-search none` keeps the fixed α).
 * Measured (docs/lr-auto.md): a fixed α stable on the steepest wall leaves 7 of the library's 21
 * typed 2-D formulas under 95 % converged in 1000 iterations; the line search leaves only Beale,
 * whose box drains into valleys with no minimum. Other optimizers keep their fixed auto α.
 */
export function autoLineSearch(optimizer: OptimizerName, given: LineSearch | undefined): LineSearch {
  return given ?? (optimizer === 'gd' ? 'armijo' : 'none');
}

/**
 * The spec a run descends with, once its lr is settled (`lrAuto`: chosen by lr auto): the line
 * search as the policy above decides, and 'none' dropped, so that `--line-search none` and no
 * line search are one spec (one options hash for shards, one summary.json).
 */
export function settleLineSearch(spec: OptimizerSpec, lrAuto: boolean): OptimizerSpec {
  const { lineSearch, ...rest } = spec;
  const chosen = lrAuto ? autoLineSearch(spec.name, lineSearch) : lineSearch;
  return chosen === 'armijo' ? { ...rest, lineSearch: chosen } : rest;
}
