import type { LineSearch, OptimizerName } from '../../core/optimizers/index.ts';

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
