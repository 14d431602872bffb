import { UserError } from '../../core/errors.ts';
import type { LabelGrid } from './label-grid.ts';
import { fitLine } from './fit.ts';
import { geometricScales } from './scales.ts';
import { mixedWindows } from './window.ts';

/**
 * The uncertainty exponent of Grebogi, McDonald, Ott & Yorke, "Final state sensitivity: an
 * obstruction to predictability", Phys. Lett. A 99, 415 (1983).
 *
 * A point is ε-uncertain when a point within ε of it goes to a different basin. The fraction of
 * uncertain points scales as f(ε) ∝ ε^α; α = 1 for a smooth boundary, α < 1 for a fractal one,
 * α → 0 for riddled basins, and the boundary's box-counting dimension is D = d − α.
 *
 * On a grid map: ε is in grid cells, "within ε" is the cube of Chebyshev radius ε (every axis
 * within ε cells), and f(ε) counts only labelled points far enough from every grid edge
 * that each has its whole cube. The points are the same at every scale (those at least the
largest ε from the edges): with a shrinking interior instead, f would gain a spurious factor
n/(n − 2ε) and bias α upward (1.04 for a straight line on 200 × 200). α is the least-squares slope of ln f against ln ε over
 * ε = 1, 2, 3, 4, 6, 8, … up to a 32nd of the narrowest axis (scales with f = 0 are left out),
 * with a confidence interval from Student's t on the fit's residuals. The points of a log-log
 * curve are not independent, so read the interval as the spread of the fit, not an exact
 * coverage probability.
 */
export interface UncertaintyExponent {
  /** ε (grid cells) and f(ε) at each scale measured. */
  epsilons: number[];
  fractions: number[];
  alpha: number | null;
  alphaCi: [number, number] | null;
  /** Box-counting dimension of the boundary, d − α, and its interval. */
  dimension: number | null;
  dimensionCi: [number, number] | null;
  r2: number | null;
  confidence: number;
}

export interface ScaleOptions {
  /** Scales in grid cells (default: see above). */
  scales?: number[];
  confidence?: number;
}

export function defaultUncertaintyScales(dims: readonly number[]): number[] {
  return geometricScales(Math.min(...dims) / 32);
}

export function uncertaintyExponent(g: LabelGrid, opts: ScaleOptions = {}): UncertaintyExponent {
  const confidence = opts.confidence ?? 0.95;
  const epsilons = opts.scales ?? defaultUncertaintyScales(g.dims);
  checkScales(epsilons, confidence, 'uncertainty exponent');
  const margin = Math.max(0, ...epsilons);
  const fractions = epsilons.map((e) => uncertainFraction(g, e, margin));
  const use = epsilons.map((_, k) => k).filter((k) => fractions[k] > 0);
  const fit = fitLine(use.map((k) => Math.log(epsilons[k])), use.map((k) => Math.log(fractions[k])), confidence);
  const d = g.dims.length;
  const alpha = fit?.slope ?? null;
  const alphaCi = fit?.slopeCi ?? null;
  return {
    epsilons,
    fractions,
    alpha,
    alphaCi,
    dimension: alpha === null ? null : d - alpha,
    dimensionCi: alphaCi === null ? null : [d - alphaCi[1], d - alphaCi[0]],
    r2: fit?.r2 ?? null,
    confidence,
  };
}

/** Scales and confidence as a user may give them: one line naming the bad value and the fix. */
export function checkScales(scales: readonly number[], confidence: number, what: string): void {
  for (const s of scales) {
    if (!Number.isInteger(s) || s < 1) throw new UserError(`${what} scale ${s} is not a whole number ≥ 1; give scales in grid points, e.g. 1,2,4,8`);
  }
  if (!(confidence > 0 && confidence < 1)) throw new UserError(`confidence ${confidence} is not between 0 and 1; give e.g. 0.95`);
}

/**
 * f(ε): the share of labelled points at least `margin` (≥ ε) cells from every grid edge whose
 * cube of radius ε holds another basin.
 */
export function uncertainFraction(g: LabelGrid, epsilon: number, margin = epsilon): number {
  if (margin < epsilon) throw new RangeError(`uncertainFraction: margin ${margin} is under ε = ${epsilon}, so some cubes would be cut by the grid edge`);
  const mixed = mixedWindows(g, epsilon);
  const { dims, labels } = g;
  const d = dims.length;
  const k = new Array<number>(d).fill(0);
  let total = 0;
  let uncertain = 0;
  for (let i = 0; i < labels.length; i++) {
    let interior = true;
    for (let j = 0; j < d; j++) if (k[j] < margin || k[j] > dims[j] - 1 - margin) interior = false;
    if (interior && labels[i] >= 0) {
      total++;
      uncertain += mixed[i];
    }
    for (let j = 0; j < d && ++k[j] === dims[j]; j++) k[j] = 0;
  }
  return total > 0 ? uncertain / total : 0;
}
