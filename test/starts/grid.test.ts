import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/objectives/types.ts';
import { allRows, column, syncSet } from './support.ts';

const box: Box = [
  [-5, 5],
  [0.1, 0.7],
];

describe('the grid sampler', () => {
  it('has n equal to the product of the per-axis counts', () => {
    expect(syncSet({ sampler: 'grid', gridCounts: [100, 100] }, box).n).toBe(10000);
    expect(syncSet({ sampler: 'grid', gridCounts: [3, 4] }, box).n).toBe(12);
  });

  it('places the exact linspace values, both box edges included', () => {
    const set = syncSet({ sampler: 'grid', gridCounts: [5, 4] }, box);
    const rows = allRows(set);
    const xs = [-5, -2.5, 0, 2.5, 5];
    const ys = [0.1, 0.1 + 0.6 / 3, 0.1 + (0.6 * 2) / 3, 0.7];
    const expected: number[] = [];
    for (const y of ys) for (const x of xs) expected.push(Math.fround(x), Math.fround(y));
    expect(Array.from(rows)).toEqual(expected);
  });

  it('varies the first axis fastest, so results reshape to an image of rows y, columns x', () => {
    const rows = allRows(syncSet({ sampler: 'grid', gridCounts: [3, 2] }, box));
    expect(column(rows, 2, 0)).toEqual([-5, 0, 5, -5, 0, 5]);
    expect(column(rows, 2, 1)).toEqual([0.1, 0.1, 0.1, 0.7, 0.7, 0.7].map(Math.fround));
  });

  it('hits the upper edge exactly even when lo + (hi - lo) would round away from it', () => {
    const odd: Box = [[-5.1, 3.3]];
    const rows = allRows(syncSet({ sampler: 'grid', gridCounts: [7] }, odd));
    expect(rows[0]).toBe(Math.fround(-5.1));
    expect(rows[6]).toBe(Math.fround(3.3));
  });

  it('applies a single count to every axis', () => {
    const set = syncSet({ sampler: 'grid', gridCounts: [4] }, [
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    expect(set.n).toBe(64);
    expect(set.describe).toContain('4x4x4');
  });

  it('puts an axis with a single point at its centre', () => {
    const rows = allRows(syncSet({ sampler: 'grid', gridCounts: [1, 3] }, box));
    expect(column(rows, 2, 0)).toEqual([0, 0, 0]);
  });

  it('derives round(n^(1/d)) per axis from n alone and says so', () => {
    const set = syncSet({ sampler: 'grid', n: 1000 }, box);
    expect(set.n).toBe(32 * 32);
    expect(set.describe).toContain('rounded to 32 per axis');
    expect(syncSet({ sampler: 'grid', n: 1e6 }, [...box, [0, 1]]).n).toBe(1e6);
  });

  it('accepts n together with counts when they agree', () => {
    expect(syncSet({ sampler: 'grid', gridCounts: [10, 20], n: 200 }, box).n).toBe(200);
  });
});
