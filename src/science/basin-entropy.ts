import { UserError } from '../../core/errors.ts';
import { boxOffsets, forEachBox, type LabelGrid } from './label-grid.ts';
import { BoxEntropy, maxLabel } from './box-entropy.ts';

/**
 * Basin entropy and boundary basin entropy, Daza, Wagemakers, Georgeot, Guéry-Odelin & Sanjuán,
 * "Basin entropy: a new tool to analyze uncertainty in dynamical systems", Sci. Rep. 6, 31416 (2016).
 *
 * The grid is cut into non-overlapping boxes of ε cells per axis (ε^d cells each). In box i,
 * p_ij is the share of its cells in basin j and S_i = −Σ_j p_ij ln p_ij (nats). Then
 *   Sb  = Σ S_i / N    over the N boxes,
 *   Sbb = Σ S_i / N_b  over the N_b boxes that hold two or more basins (the boundary boxes).
 * Sb is 0 for a single basin and at most ln m for m basins. The paper's log 2 criterion: with
 * Sbb > ln 2 the boundary is fractal (sufficient, not necessary: a smooth boundary between two
 * basins has Sbb ≤ ln 2, and so does a fractal boundary with only two basins, since ln 2 is the
 * most a box of two basins can hold). Sbb ≤ ln 2 is therefore inconclusive; use the fractal test.
 *
 * Choices here: boxes start at the grid origin and only complete boxes count (the rest of each
 * axis, fewer than ε points, is left out); unlabelled points are left out of their box's
 * shares, and a box without any labelled point is not counted in N. ε = 5 is the paper's choice.
 */
export interface BasinEntropy {
  /** Box side in grid cells. */
  epsilon: number;
  /** N: boxes with at least one labelled point. */
  boxes: number;
  /** N_b: boxes holding two or more basins. */
  boundaryBoxes: number;
  Sb: number;
  /** null when no box holds two basins (there is no boundary at this resolution). */
  Sbb: number | null;
  /** The log 2 criterion: 'fractal' when Sbb > ln 2. */
  log2Criterion: 'fractal' | 'inconclusive' | 'no boundary' | 'grid too small';
}

export const DEFAULT_ENTROPY_BOX = 5;

export function basinEntropy(g: LabelGrid, epsilon = DEFAULT_ENTROPY_BOX): BasinEntropy {
  if (!Number.isInteger(epsilon) || epsilon < 2) throw new UserError(`basin entropy box side ${epsilon} is not a whole number ≥ 2; give the box side in grid points, e.g. 5`);
  const offsets = boxOffsets(g.dims, epsilon);
  const box = new BoxEntropy(maxLabel(g.labels));
  let total = 0;
  let n = 0;
  let nb = 0;
  forEachBox(g.dims, epsilon, epsilon, (corner) => {
    const s = box.ofCells(g.labels, corner, offsets);
    if (box.cells === 0) return;
    n++;
    total += s;
    if (box.basins > 1) nb++;
  });
  const Sbb = nb > 0 ? total / nb : null;
  const fits = g.dims.every((c) => c >= epsilon);
  return {
    epsilon,
    boxes: n,
    boundaryBoxes: nb,
    Sb: n > 0 ? total / n : 0,
    Sbb,
    log2Criterion: !fits ? 'grid too small' : Sbb === null ? 'no boundary' : Sbb > Math.LN2 ? 'fractal' : 'inconclusive',
  };
}
