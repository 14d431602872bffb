import { describe, expect, it } from 'vitest';
import { lhsUnitPoint } from '../../src/starts/lhs.ts';
import { KeyedPermutation } from '../../src/starts/permutation.ts';
import { allRows, syncSet, unitCube } from './support.ts';

function strataHit(n: number, seed: number, d: number): number[][] {
  const point = lhsUnitPoint(n, seed, d);
  const u = new Float64Array(d);
  const hits = Array.from({ length: d }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    point(i, u);
    for (let j = 0; j < d; j++) hits[j][Math.floor(u[j] * n)]++;
  }
  return hits;
}

describe('the lhs sampler', () => {
  it.each([1, 2, 3, 7, 1000, 4099])('puts exactly one start in each of the n strata of every axis (n = %i)', (n) => {
    for (const axis of strataHit(n, 5, 3)) expect(axis.every((c) => c === 1)).toBe(true);
  });

  it('keeps one start per stratum for another seed too', () => {
    for (const axis of strataHit(500, 123456789, 4)) expect(axis.every((c) => c === 1)).toBe(true);
  });

  it('returns the float32 rounding of those unit coordinates on the unit box', () => {
    const point = lhsUnitPoint(50, 8, 2);
    const rows = allRows(syncSet({ sampler: 'lhs', n: 50, seed: 8 }, unitCube(2)));
    const u = new Float64Array(2);
    for (let i = 0; i < 50; i++) {
      point(i, u);
      expect([rows[2 * i], rows[2 * i + 1]]).toEqual([Math.fround(u[0]), Math.fround(u[1])]);
    }
  });

  it('uses different permutations on different axes', () => {
    const rows = allRows(syncSet({ sampler: 'lhs', n: 100, seed: 1 }, unitCube(2)));
    let sameStratum = 0;
    for (let i = 0; i < 100; i++) if (Math.floor(rows[2 * i] * 100) === Math.floor(rows[2 * i + 1] * 100)) sameStratum++;
    expect(sameStratum).toBeLessThan(10);
  });
});

describe('the keyed permutation behind lhs', () => {
  it.each([1, 2, 5, 16, 17, 1000, 65537])('is a bijection of [0, n) (n = %i)', (n) => {
    const perm = new KeyedPermutation(n, 42);
    const seen = new Uint8Array(n);
    for (let i = 0; i < n; i++) seen[perm.at(i)]++;
    expect(seen.every((c) => c === 1)).toBe(true);
  });

  it('handles the largest domain, 2^32, staying inside it', () => {
    const perm = new KeyedPermutation(2 ** 32, 7);
    for (const i of [0, 1, 2 ** 31, 2 ** 32 - 1]) {
      const y = perm.at(i);
      expect(Number.isInteger(y) && y >= 0 && y < 2 ** 32).toBe(true);
    }
  });
});
