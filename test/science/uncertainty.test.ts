import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { uncertainFraction, uncertaintyExponent } from '../../src/science/uncertainty.ts';
import { disc, halfPlane, kochSnowflake, randomLabels, weierstrass } from './synthetic.ts';

const KOCH = Math.log(4) / Math.log(3);

describe('the uncertainty exponent (Grebogi et al. 1983)', () => {
  it('is 1 on smooth boundaries, and the boundary dimension d − α is 1', () => {
    // Measured 1.00 for both on 200 x 200; 0.03 leaves room for how the pixels of an oblique
    // line or a circle fall, and is far below the fractal cases' distance from 1 (≥ 0.25).
    for (const g of [halfPlane(200), disc(200)]) {
      const u = uncertaintyExponent(g);
      expect(Math.abs(u.alpha! - 1)).toBeLessThan(0.03);
      expect(u.dimension!).toBeCloseTo(2 - u.alpha!, 12);
    }
  });

  it('counts exactly the points within ε of a straight boundary', () => {
    // Columns 100.. are basin 1; with the interior 10 points from every edge, the ε-uncertain
    // points are the 2ε columns nearest the boundary, out of 180.
    const labels = Int32Array.from({ length: 200 * 200 }, (_, i) => (i % 200 >= 100 ? 1 : 0));
    const g = { labels, dims: [200, 200] };
    // A ratio of whole counts: equal up to rounding, hence 12 digits.
    for (const e of [1, 2, 5]) expect(uncertainFraction(g, e, 10)).toBeCloseTo((2 * e) / 180, 12);
  });

  it.each(['out', 'in'] as const)('gives a Koch snowflake (bumps %s) the dimension ln 4 / ln 3 within 0.06', (bumps) => {
    // Level 6 on 729^2 (last segments 0.75 points). The scaling range is about a decade between
    // the pixel and the snowflake's size, and the bias over it depends on the shape: measured
    // 1.226 (bumps out) and 1.288 (bumps in), bracketing 1.2619 (docs/boundary.md).
    const u = uncertaintyExponent(kochSnowflake(729, 6, bumps));
    expect(Math.abs(u.dimension! - KOCH)).toBeLessThan(0.06);
    expect(u.dimensionCi![0]).toBeGreaterThan(1.15);
  });

  it('falls clearly below 1 on the graph of a Weierstrass function', () => {
    // Box dimension 1.5 in the limit; on 512^2 the pixels resolve about 1.3 of it (measured α 0.68).
    const u = uncertaintyExponent(weierstrass(512, 1.5));
    expect(u.alphaCi![1]).toBeLessThan(0.8);
  });

  it('is 0 when every point is its own basin at random (riddled limit)', () => {
    // A 3 x 3 cube holds a single basin with chance 3·3^−9 ≈ 1.5e-4, so f(1) is just under 1.
    const u = uncertaintyExponent(randomLabels(100, 3));
    expect(Math.min(...u.fractions)).toBeGreaterThan(0.999);
    expect(Math.abs(u.alpha!)).toBeLessThan(1e-3);
  });

  it('refuses scales that are not whole numbers of points', () => {
    expect(() => uncertaintyExponent(halfPlane(50), { scales: [1, 2.5] })).toThrow(UserError);
    expect(() => uncertaintyExponent(halfPlane(50), { confidence: 95 })).toThrow(/confidence 95 is not between 0 and 1/);
  });
});
