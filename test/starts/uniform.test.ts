import { describe, expect, it } from 'vitest';
import { allRows, column, syncSet, unitCube } from './support.ts';

/**
 * Chi-square bounds at an upper-tail probability of 1e-6 (scipy.stats.chi2.ppf(1 - 1e-6, k)).
 * The streams are deterministic, so a failure means the hash is not uniform enough; for a truly
 * uniform source each check would fail with probability 1e-6, 12 checks below at most 1.2e-5.
 */
const CHI2_19_DOF = 63.677;
const CHI2_99_DOF = 180.792;

function chiSquare(counts: number[], expected: number): number {
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

describe('the uniform sampler', () => {
  const n = 20000;

  it.each([1, 2, 3])('fills 20 equal bins of every axis within the chi-square bound (seed %i)', (seed) => {
    const rows = allRows(syncSet({ sampler: 'uniform', n, seed }, unitCube(3)));
    for (let j = 0; j < 3; j++) {
      const counts = new Array<number>(20).fill(0);
      for (const x of column(rows, 3, j)) counts[Math.floor(x * 20)]++;
      expect(chiSquare(counts, n / 20)).toBeLessThan(CHI2_19_DOF);
    }
  });

  it.each([1, 2, 3])('fills a 10 x 10 grid of cells jointly, so axes are independent (seed %i)', (seed) => {
    const rows = allRows(syncSet({ sampler: 'uniform', n, seed }, unitCube(2)));
    const counts = new Array<number>(100).fill(0);
    for (let r = 0; r < n; r++) counts[Math.floor(rows[2 * r] * 10) * 10 + Math.floor(rows[2 * r + 1] * 10)]++;
    expect(chiSquare(counts, n / 100)).toBeLessThan(CHI2_99_DOF);
  });

  it('stays strictly below the upper edge of the unit box (24-bit fractions)', () => {
    const rows = allRows(syncSet({ sampler: 'uniform', n: 100000, seed: 9 }, unitCube(2)));
    expect(rows.reduce((a, b) => Math.max(a, b), 0)).toBeLessThan(1);
    expect(rows.reduce((a, b) => Math.min(a, b), 1)).toBeGreaterThanOrEqual(0);
    for (const x of rows.subarray(0, 1000)) expect(Number.isInteger(x * 2 ** 24)).toBe(true);
  });

  it('has sample mean and variance close to 1/2 and 1/12', () => {
    const xs = column(allRows(syncSet({ sampler: 'uniform', n, seed: 4 }, unitCube(1))), 1, 0);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    // Standard errors are 0.002 and 0.0006; the bounds are about 5 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.003);
  });
});
