import { describe, expect, it } from 'vitest';
import { convergenceTimes } from '../../src/science/convergence.ts';
import { formatConvergence } from '../../src/science/format.ts';

describe('convergence time per basin', () => {
  it('gives count, mean, median, min and max of the iterations of each basin', () => {
    const labels = Int32Array.from([0, 0, 1, -1, 1, 0, 1, 1]);
    const nit = Int32Array.from([5, 7, 3, 100, 9, 6, 20, 4]);
    const c = convergenceTimes(labels, nit);
    expect(c.unlabelled).toBe(1);
    expect(c.basins).toEqual([
      { basin: 0, starts: 3, mean: 6, median: 6, min: 5, max: 7 },
      // An even count takes the mean of the two middle values: (4 + 9) / 2.
      { basin: 1, starts: 4, mean: 9, median: 6.5, min: 3, max: 20 },
    ]);
    expect(formatConvergence(c).get(1)).toBe('median 6.5 (max 20)');
  });

  it('refuses arrays of different lengths', () => {
    expect(() => convergenceTimes(new Int32Array(3), new Int32Array(2))).toThrow(/3 labels but 2 iteration counts/);
  });
});
