import type { DescentOptions } from '../../core/options.ts';
import type { BasinSummary } from './types.ts';

/**
 * A map warns once more than this share of its finished starts failed (diverged or stopped at
 * max iterations). 2 %: below it the basin fractions (which count every start) are off by less
 * than the width of a 95 % Wilson interval on 2,500 starts at a 50 % basin (±2 %), so a warning
 * would change no reading of the table; above it, a reader should know.
 */
export const WARN_FAILED_SHARE = 0.02;

/** How the run's step size was set: a warning does not suggest what the run already did. */
export interface WarningContext {
  descent: Pick<DescentOptions, 'optimizer' | 'maxIter'>;
  /** lr was chosen by lr auto. */
  lrAuto?: boolean;
}

/**
 * The one line (or none) that says a share of starts failed, what that means for the map, and the
 * change most likely to fix it: starts that diverge step too far (halve α); starts that stall ran
 * out of iterations or crawl (raise --max-iter, or let lr auto or adam set the step). Under the
 * line search neither α advice applies (each start sets its own): stalls need iterations, and a
 * start leaves the box only by following f downhill (keep it in with --bounds clip). Both the
 * table and summary.json's `warnings` carry it.
 */
export function failureWarnings(s: Pick<BasinSummary, 'counts'>, ctx: WarningContext): string[] {
  const { converged, maxiter, diverged } = s.counts;
  const finished = converged + maxiter + diverged;
  const failed = maxiter + diverged;
  if (finished === 0 || failed / finished <= WARN_FAILED_SHARE) return [];
  const share = `${failed.toLocaleString('en')} of ${finished.toLocaleString('en')} starts (${percent(failed / finished)})`;
  const how = [diverged > 0 && `${diverged.toLocaleString('en')} diverged`, maxiter > 0 && `${maxiter.toLocaleString('en')} stopped at max iterations`].filter(Boolean).join(', ');
  const meaning = converged === 0
    ? 'there is no map'
    : `the basins account for only ${percent(converged / finished)} of the starts (fractions are of all starts) and grey on the map is where the basin is unknown`;
  return [`warning: ${share} did not converge (${how}): ${meaning}; ${fix(s.counts, ctx)}`];
}

function fix(c: BasinSummary['counts'], ctx: WarningContext): string {
  const o = ctx.descent.optimizer;
  const more = `--max-iter ${Math.min(ctx.descent.maxIter * 4, 1 << 24)}`;
  if (o.lineSearch === 'armijo') {
    // Its steps only go downhill (or not at all): a start that leaves the box follows f there.
    if (c.diverged >= c.maxiter) return 'try --bounds clip: with the line search a start leaves the box by following f downhill, not by overshooting';
    return `try ${more}`;
  }
  if (c.diverged >= c.maxiter) return `try --lr ${Number((o.lr / 2).toPrecision(2))} (half of ${o.lr}): diverging starts step too far`;
  if (o.name === 'gd' && !ctx.lrAuto) return `try ${more}, or --lr auto (a step from the curvature, then a line search per start), or --optimizer adam`;
  if (o.name === 'gd') return `try ${more}, or --optimizer adam (its steps do not shrink with the gradient)`;
  return `try ${more}`;
}

function percent(p: number): string {
  return `${(p * 100).toFixed(p < 0.1 ? 1 : 0)}%`;
}
