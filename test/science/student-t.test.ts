import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../src/science/student-t.ts';
import { fitLine } from '../../src/science/fit.ts';

describe("Student's t", () => {
  // Reference values from scipy.stats.t (ppf/cdf), printed to 15 digits.
  const table: [number, number][] = [
    [1, 12.706204736174694],
    [2, 4.302652729749462],
    [5, 2.5705818356363146],
    [10, 2.228138851986274],
    [30, 2.0422724563012378],
    [1000, 1.9623390808264083],
  ];
  it.each(table)('gives the 97.5%% quantile with %i degrees of freedom', (nu, t) => {
    // 1e-8 absolute: the CDF sums are exact to rounding and bisection runs to a few ulps; only
    // the CDF's flat tail (density ≈ 0.01 at ν = 2) magnifies its ~1e-16 error in the quantile.
    expect(studentTQuantile(0.975, nu)).toBeCloseTo(t, 8);
  });

  it('is symmetric and agrees with its own CDF', () => {
    expect(studentTQuantile(0.995, 3)).toBeCloseTo(5.840909309733355, 8);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228138851986274, 8);
    expect(studentTCdf(1.5, 4)).toBeCloseTo(0.896, 12);
  });
});

describe('a least-squares line', () => {
  it('matches scipy.stats.linregress, slope error and interval included', () => {
    const fit = fitLine([0, 1, 2, 3], [0, 1, 3, 3])!;
    expect(fit.slope).toBeCloseTo(1.1, 12);
    expect(fit.intercept).toBeCloseTo(0.1, 12);
    expect(fit.slopeStdError).toBeCloseTo(0.2645751311064588, 12);
    expect(fit.slopeCi![1] - fit.slope).toBeCloseTo(1.1383749100790268, 8);
    expect(fit.r2).toBeCloseTo(0.8962962962962965, 12);
  });

  it('has a zero-width interval on points exactly on a line, and none from two points', () => {
    const exact = fitLine([1, 2, 3, 4], [3, 5, 7, 9])!;
    expect(exact.slope).toBeCloseTo(2, 12);
    expect(exact.slopeCi![1] - exact.slopeCi![0]).toBeLessThan(1e-9);
    expect(fitLine([1, 2], [1, 3])).toMatchObject({ slope: 2, slopeCi: null });
    expect(fitLine([1], [1])).toBeNull();
    expect(fitLine([2, 2, 2], [1, 2, 3])).toBeNull();
  });
});
