import { describe, expect, it } from 'vitest';
import { boundaryBoxes, boxCounting } from '../../src/science/box-counting.ts';
import { labelGrid } from '../../src/science/label-grid.ts';
import { disc, halfPlane, kochSnowflake, randomLabels } from './synthetic.ts';

describe('box counting of the boundary', () => {
  it('never misses a boundary that runs along box edges', () => {
    // Columns 100.. are basin 1. Boxes laid every 4 points span 5, so the pair of columns 99|100
    // falls in exactly one column of boxes: one box per row of boxes, (200 − 5)/4 + 1 = 49 rows.
    const labels = Int32Array.from({ length: 200 * 200 }, (_, i) => (i % 200 >= 100 ? 1 : 0));
    expect(boundaryBoxes(labelGrid(labels, [200, 200]), 4)).toBe(49);
  });

  it('gives straight and circular boundaries dimension 1', () => {
    // Measured 1.01 and 1.00 on 200^2; 0.03 allows for pixelation at the smallest boxes.
    for (const g of [halfPlane(200), disc(200)]) expect(Math.abs(boxCounting(g).dimension! - 1)).toBeLessThan(0.03);
  });

  it.each(['out', 'in'] as const)('gives a Koch snowflake (bumps %s) the dimension ln 4 / ln 3 within 0.06', (bumps) => {
    // Level 6 on 729^2: measured 1.213 (bumps out) and 1.265 (bumps in); see uncertainty.test.ts.
    const b = boxCounting(kochSnowflake(729, 6, bumps));
    expect(Math.abs(b.dimension! - Math.log(4) / Math.log(3))).toBeLessThan(0.06);
    expect(b.dimensionCi![0]).toBeGreaterThan(1.15);
  });

  it('fills the plane when every point is a random basin', () => {
    // Every box holds several basins, so N(s) is the number of boxes, ∝ s^−2 up to edge effects.
    expect(Math.abs(boxCounting(randomLabels(200, 3)).dimension! - 2)).toBeLessThan(0.05);
  });
});
