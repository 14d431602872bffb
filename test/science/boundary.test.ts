import { describe, expect, it } from 'vitest';
import { analyzeBoundary } from '../../src/science/boundary.ts';
import { formatBoundary } from '../../src/science/format.ts';
import { disc, newtonCubic } from './synthetic.ts';

describe('the boundary report', () => {
  it('is plain JSON: it survives a round trip through JSON unchanged', () => {
    const r = analyzeBoundary(newtonCubic(120));
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.grid).toEqual({ dims: [120, 120], points: 14400, labelled: expect.any(Number), basins: 3 });
  });

  it('reads as a few terminal lines, verdicts included', () => {
    // Newton's basins on 300^2 have Sbb ≈ 0.72 (on 200^2 the 5 x 5 boxes are too coarse: 0.67).
    const fractal = formatBoundary(analyzeBoundary(newtonCubic(300))).split('\n');
    expect(fractal).toHaveLength(5);
    expect(fractal[0]).toMatch(/^basin entropy \(boxes of 5\^2 points\): Sb 0\.\d{3}, Sbb 0\.\d{3} on \d+\/\d+ boxes; Sbb > ln 2: fractal boundary$/);
    expect(fractal[1]).toMatch(/fractal test .*: fractal$/);
    expect(fractal[2]).toMatch(/^uncertainty exponent α 0\.\d\d \[0\.\d\d, 0\.\d\d\]/);
    expect(fractal[4]).toMatch(/^Wada \(merging method, 3 basins\): wada within \d cells?; all basins within/);
    const smooth = formatBoundary(analyzeBoundary(disc(200))).split('\n');
    expect(smooth[0]).toMatch(/Sbb ≤ ln 2: inconclusive$/);
    expect(smooth[1]).toMatch(/: smooth$/);
    expect(smooth[4]).toMatch(/^Wada: not tested \(Wada needs three or more basins/);
  });
});
