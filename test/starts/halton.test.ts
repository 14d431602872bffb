import { describe, expect, it } from 'vitest';
import { firstPrimes } from '../../src/starts/primes.ts';
import { allRows, column, syncSet, unitCube, unitSquare } from './support.ts';

describe('the halton sampler', () => {
  it('starts at index 1 with the published base-2/base-3 points (1/2,1/3),(1/4,2/3),(3/4,1/9),...', () => {
    const rows = allRows(syncSet({ sampler: 'halton', n: 6 }, unitSquare));
    const expected = [
      [1 / 2, 1 / 3],
      [1 / 4, 2 / 3],
      [3 / 4, 1 / 9],
      [1 / 8, 4 / 9],
      [5 / 8, 7 / 9],
      [3 / 8, 2 / 9],
    ];
    expect(Array.from(rows)).toEqual(expected.flat().map(Math.fround));
  });

  it('supports 100 dimensions, the last in base 541', () => {
    const set = syncSet({ sampler: 'halton', n: 600 }, unitCube(100));
    expect(firstPrimes(100).at(-1)).toBe(541);
    const last = column(allRows(set), 100, 99);
    for (let r = 0; r < 540; r++) expect(last[r]).toBe(Math.fround((r + 1) / 541));
    expect(set.describe).toContain('541');
  });

  it('keeps the base-p stratification when scrambled: indices 1..p^k fill each of p^k strata once', () => {
    const box = unitCube(4); // bases 2, 3, 5, 7
    const rows = allRows(syncSet({ sampler: 'halton', n: 2401, seed: 9 }, box));
    for (const [j, p, k] of [
      [0, 2, 11],
      [1, 3, 7],
      [2, 5, 4],
      [3, 7, 4],
    ]) {
      const strata = new Set(column(rows, 4, j).slice(0, p ** k).map((x) => Math.floor(x * p ** k)));
      expect(strata.size).toBe(p ** k);
    }
  });

  it('breaks the diagonal pattern of two large neighbouring bases when scrambled', () => {
    // Unscrambled, axes 99 and 100 (bases 523 and 541) move almost in lockstep for the first rows.
    const correlation = (seed: number) => {
      const rows = allRows(syncSet({ sampler: 'halton', n: 500, seed }, unitCube(100)));
      const [a, b] = [column(rows, 100, 98), column(rows, 100, 99)];
      const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
      const [ma, mb] = [mean(a), mean(b)];
      const cov = a.reduce((s, x, r) => s + (x - ma) * (b[r] - mb), 0);
      const norm = Math.sqrt(a.reduce((s, x) => s + (x - ma) ** 2, 0) * b.reduce((s, x) => s + (x - mb) ** 2, 0));
      return cov / norm;
    };
    expect(correlation(0)).toBeGreaterThan(0.9);
    expect(Math.abs(correlation(4))).toBeLessThan(0.3);
  });

  it('lists the first primes correctly', () => {
    expect(firstPrimes(10)).toEqual([2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
  });
});
