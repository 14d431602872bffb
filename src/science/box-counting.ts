import { boxOffsets, forEachBox, type LabelGrid } from './label-grid.ts';
import { fitLine } from './fit.ts';
import { geometricScales } from './scales.ts';
import { checkScales, type ScaleOptions } from './uncertainty.ts';

/**
 * A direct box-counting estimate of the boundary's dimension, independent of the uncertainty
 * exponent: N(s) = the number of boxes of side s that hold two or more basins, and
 * N(s) ∝ s^−D, so D is the least-squares slope of ln N against ln(1/s) (with a Student-t
 * interval on the fit's residuals, read as in uncertainty.ts).
 *
 * On a grid: boxes are laid every s cells from the origin and span s + 1 points per axis, so
 * that neighbouring boxes share one layer of points. Then every pair of neighbouring points
 * falls inside some box, and a boundary lying between two rows of points is never missed (with
 * disjoint boxes a straight boundary that happens to run along box edges would count 0).
 * Only complete boxes count. Scales: s = 1, 2, 3, 4, 6, 8, … up to a 16th of the narrowest
 * axis; scales with N = 0 are left out of the fit.
 */
export interface BoxCounting {
  sizes: number[];
  counts: number[];
  dimension: number | null;
  dimensionCi: [number, number] | null;
  r2: number | null;
  confidence: number;
}

export function defaultBoxSizes(dims: readonly number[]): number[] {
  return geometricScales(Math.min(...dims) / 16);
}

export function boxCounting(g: LabelGrid, opts: ScaleOptions = {}): BoxCounting {
  const confidence = opts.confidence ?? 0.95;
  const sizes = opts.scales ?? defaultBoxSizes(g.dims);
  checkScales(sizes, confidence, 'box-counting');
  const counts = sizes.map((s) => boundaryBoxes(g, s));
  const use = sizes.map((_, k) => k).filter((k) => counts[k] > 0);
  const fit = fitLine(use.map((k) => -Math.log(sizes[k])), use.map((k) => Math.log(counts[k])), confidence);
  return { sizes, counts, dimension: fit?.slope ?? null, dimensionCi: fit?.slopeCi ?? null, r2: fit?.r2 ?? null, confidence };
}

/** Boxes laid every s cells, s + 1 points wide, that hold two or more basins. */
export function boundaryBoxes(g: LabelGrid, s: number): number {
  const offsets = boxOffsets(g.dims, s + 1);
  const labels = g.labels;
  let n = 0;
  forEachBox(g.dims, s, s + 1, (corner) => {
    // Two basins: stop at the first labelled point that differs from the first one seen.
    let first = -1;
    for (let k = 0; k < offsets.length; k++) {
      const l = labels[corner + offsets[k]];
      if (l < 0) continue;
      if (first < 0) first = l;
      else if (l !== first) {
        n++;
        return;
      }
    }
  });
  return n;
}
