import { describe, expect, it } from 'vitest';
import { makeStartSet, SOBOL_MAX_DIM } from '../../src/starts/index.ts';
import { allRows, column, syncSet, unitCube, unitSquare } from './support.ts';

/**
 * Direct-index Sobol' points i = 1000 and 4095 in 64 dimensions, times 4096. Reference: SciPy 1.17.1
 * qmc.Sobol(64, scramble=False), whose k-th point is natural-order point gray(k) = k xor (k >> 1);
 * SciPy embeds the same new-joe-kuo-6.21201 table.
 */
const SCIPY_1000 = [
  380, 660, 1844, 3724, 4068, 668, 68, 2620, 4092, 500, 948, 4044, 572, 3820, 3604, 68, 2732, 1772, 3124, 1844, 1076,
  2548, 1948, 1356, 3036, 3484, 3948, 3572, 1996, 796, 804, 2028, 1636, 52, 1628, 2012, 652, 116, 2964, 1812, 2628,
  1804, 3364, 1636, 1580, 3300, 1500, 3356, 2388, 2276, 2668, 460, 1028, 1548, 2780, 1292, 12, 1612, 3820, 3916, 1660,
  364, 28, 4092,
];
const SCIPY_4095 = [
  4095, 273, 11, 3327, 2937, 4057, 1303, 639, 1743, 3751, 3027, 3907, 3841, 2291, 1431, 1973, 3961, 765, 3957, 3701,
  3731, 2681, 583, 3015, 3457, 3973, 749, 3651, 3521, 3701, 603, 3241, 4093, 2255, 3473, 1789, 2755, 1065, 1385, 3557,
  3673, 353, 773, 3275, 619, 3261, 1695, 3255, 2861, 2251, 943, 1077, 2341, 303, 633, 1855, 2011, 31, 4067, 2659, 1589,
  3159, 1235, 3701,
];

/** Counts points per cell of a 2^a x 2^b split of the unit square. */
function elementaryCounts(rows: Float32Array, a: number, b: number): number[] {
  const counts = new Array<number>(2 ** (a + b)).fill(0);
  for (let r = 0; r < rows.length / 2; r++) counts[Math.floor(rows[2 * r] * 2 ** a) * 2 ** b + Math.floor(rows[2 * r + 1] * 2 ** b)]++;
  return counts;
}

describe('the sobol sampler', () => {
  it('starts with the published 2-D points in natural (non-Gray) index order, origin first', () => {
    const rows = allRows(syncSet({ sampler: 'sobol', n: 8 }, unitSquare));
    expect(Array.from(rows)).toEqual([
      0, 0, 0.5, 0.5, 0.25, 0.75, 0.75, 0.25, 0.125, 0.625, 0.625, 0.125, 0.375, 0.375, 0.875, 0.875,
    ]);
  });

  it('gives as its first four points the Gray-code sequence (0,0),(0.5,0.5),(0.75,0.25),(0.25,0.75), reordered', () => {
    const rows = allRows(syncSet({ sampler: 'sobol', n: 4 }, unitSquare));
    const points = [0, 1, 2, 3].map((r) => `${rows[2 * r]},${rows[2 * r + 1]}`).sort();
    expect(points).toEqual(['0,0', '0.25,0.75', '0.5,0.5', '0.75,0.25'].sort());
  });

  it('matches SciPy in all 64 embedded dimensions', () => {
    const set = syncSet({ sampler: 'sobol', n: 4096 }, unitCube(64));
    expect(Array.from(set.rows(1000, 1), (x) => x * 4096)).toEqual(SCIPY_1000);
    expect(Array.from(set.rows(4095, 1), (x) => x * 4096)).toEqual(SCIPY_4095);
  });

  it.each([0, 1, 77])('makes the first 256 points a (0, 8, 2)-net: every 2^a x 2^(8-a) cell holds one point (seed %i)', (seed) => {
    const rows = allRows(syncSet({ sampler: 'sobol', n: 256, seed }, unitSquare));
    for (let a = 0; a <= 8; a++) expect(elementaryCounts(rows, a, 8 - a).every((c) => c === 1)).toBe(true);
  });

  it('fills each of 1024 strata of every one of 64 axes exactly once with the first 1024 points, scrambled too', () => {
    for (const seed of [0, 5]) {
      const rows = allRows(syncSet({ sampler: 'sobol', n: 1024, seed }, unitCube(64)));
      for (let j = 0; j < 64; j++) {
        const strata = new Set(column(rows, 64, j).map((x) => Math.floor(x * 1024)));
        expect(strata.size).toBe(1024);
      }
    }
  });

  it('moves row 0 off the corner when a seed scrambles it', () => {
    const rows = syncSet({ sampler: 'sobol', n: 4, seed: 3 }, unitSquare).rows(0, 1);
    expect(Array.from(rows)).not.toEqual([0, 0]);
  });

  it('says whether it is scrambled and warns when n is not a power of two', () => {
    expect(syncSet({ sampler: 'sobol', n: 1024 }, unitSquare).describe).toContain('unscrambled');
    expect(syncSet({ sampler: 'sobol', n: 1024, seed: 2 }, unitSquare).describe).toContain('digital shift seed 2');
    expect(syncSet({ sampler: 'sobol', n: 1000 }, unitSquare).describe).toContain('not a power of 2');
    expect(syncSet({ sampler: 'sobol', n: 1024 }, unitSquare).describe).not.toContain('power');
  });

  it(`refuses more than ${SOBOL_MAX_DIM} dimensions, pointing to halton or uniform`, () => {
    expect(SOBOL_MAX_DIM).toBeGreaterThanOrEqual(32);
    expect(() => makeStartSet({ sampler: 'sobol', n: 10 }, unitCube(SOBOL_MAX_DIM + 1))).toThrowError(
      new RegExp(`at most ${SOBOL_MAX_DIM} dimensions.*--sampler halton or uniform`),
    );
  });
});
