import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { basinEntropy } from '../../src/science/basin-entropy.ts';
import { labelGrid } from '../../src/science/label-grid.ts';
import { disc, halfPlane, newtonCubic, randomLabels } from './synthetic.ts';

const entropy = (...p: number[]) => -p.reduce((s, q) => s + q * Math.log(q), 0);

describe('basin entropy (Daza et al. 2016)', () => {
  it('is the mean Gibbs entropy of the boxes, and of the boundary boxes for Sbb', () => {
    // 10 x 10, basin 1 from column 3 on: each box of the left column holds 3 columns of basin 0
    // and 2 of basin 1; the right column of boxes holds basin 1 only.
    const labels = Int32Array.from({ length: 100 }, (_, i) => (i % 10 >= 3 ? 1 : 0));
    const e = basinEntropy(labelGrid(labels, [10, 10]), 5);
    expect(e).toMatchObject({ epsilon: 5, boxes: 4, boundaryBoxes: 2, log2Criterion: 'inconclusive' });
    // Shares of whole points: the sums are exact up to rounding, hence 12 digits.
    expect(e.Sbb).toBeCloseTo(entropy(0.6, 0.4), 12);
    expect(e.Sb).toBeCloseTo(entropy(0.6, 0.4) / 2, 12);
  });

  it('is zero for a single basin, with no boundary to speak of', () => {
    const e = basinEntropy(labelGrid(new Int32Array(400), [20, 20]));
    expect(e).toMatchObject({ Sb: 0, Sbb: null, boundaryBoxes: 0, log2Criterion: 'no boundary' });
  });

  it('leaves points without a basin out: a stripe of unconverged starts is no boundary', () => {
    const labels = Int32Array.from({ length: 400 }, (_, i) => (i % 20 === 7 ? -1 : 0));
    expect(basinEntropy(labelGrid(labels, [20, 20])).boundaryBoxes).toBe(0);
  });

  it('stays under ln 2 on smooth boundaries (half-plane, disc): the criterion is inconclusive', () => {
    for (const g of [halfPlane(200), disc(200)]) {
      const e = basinEntropy(g);
      expect(e.Sbb!).toBeLessThan(Math.LN2);
      expect(e.log2Criterion).toBe('inconclusive');
    }
  });

  it("exceeds ln 2 on Newton's basins for z^3 = 1, a known fractal", () => {
    const e = basinEntropy(newtonCubic(300));
    expect(e.Sbb!).toBeGreaterThan(Math.LN2);
    expect(e.log2Criterion).toBe('fractal');
  });

  it('approaches ln m for m basins drawn at random per point', () => {
    // 25 points per box: a multinomial plug-in entropy falls short of ln 3 by (m − 1)/(2n) = 0.04
    // on average (Miller–Madow bias); 1600 boxes put the mean's sampling error near 0.002.
    const e = basinEntropy(randomLabels(200, 3));
    expect(e.boundaryBoxes).toBe(e.boxes);
    expect(Math.abs(e.Sbb! - (Math.log(3) - 2 / 50))).toBeLessThan(0.01);
  });

  it('works in any dimension, with boxes of ε^d points', () => {
    // 3-D, 20^3, split by the plane x + y + z = 30.3: 64 boxes of 5^3.
    const labels = Int32Array.from({ length: 8000 }, (_, i) => ((i % 20) + (Math.floor(i / 20) % 20) + Math.floor(i / 400) > 30.3 ? 1 : 0));
    const e = basinEntropy(labelGrid(labels, [20, 20, 20]));
    expect(e.boxes).toBe(64);
    expect(e.boundaryBoxes).toBeGreaterThan(0);
    expect(e.Sbb!).toBeLessThan(Math.LN2);
  });

  it('says a grid smaller than one box is too small, and refuses a box under 2 points', () => {
    expect(basinEntropy(labelGrid(new Int32Array(16), [4, 4])).log2Criterion).toBe('grid too small');
    expect(() => basinEntropy(labelGrid(new Int32Array(16), [4, 4]), 1)).toThrow(UserError);
  });
});
