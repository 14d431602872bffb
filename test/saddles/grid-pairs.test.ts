import { describe, expect, it } from 'vitest';
import { boundaryPairs, gridDims } from '../../src/saddles/grid-pairs.ts';

describe('boundary pairs on a grid', () => {
  it('pairs each start with its right and upper neighbour when they reached different minima', () => {
    // 3 × 2 grid, axis 1 fastest: row y=0 is [0 0 1], row y=1 is [0 1 1].
    const outcome = Int32Array.from([0, 0, 1, 0, 1, 1]);
    const pairs = Array.from(boundaryPairs(outcome, [3, 2], () => true));
    // Along x: (1,2) and (3,4); along y: (1,4).
    expect(pairs).toEqual([1, 2, 3, 4, 1, 4]);
  });

  it('never pairs across the end of a grid row, nor a start without a basin, nor a basin that does not count', () => {
    // Last of row 0 (index 2, basin 1) and first of row 1 (index 3, basin 0) are not neighbours.
    expect(Array.from(boundaryPairs(Int32Array.from([1, 1, 1, 0, 0, 0]), [3, 2], () => true))).toEqual([0, 3, 1, 4, 2, 5]);
    expect(Array.from(boundaryPairs(Int32Array.from([0, -1, -1, 1]), [2, 2], () => true))).toEqual([]);
    expect(Array.from(boundaryPairs(Int32Array.from([0, 2, 0, 0]), [2, 2], (id) => id !== 2))).toEqual([]);
  });

  it('finds neighbours along every axis of a 3-D grid', () => {
    // 2 × 2 × 2, one start (the last) in basin 1: its three neighbours make three pairs.
    const outcome = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(Array.from(boundaryPairs(outcome, [2, 2, 2], () => true))).toEqual([6, 7, 5, 7, 3, 7]);
  });

  it('refuses an outcome that does not fill the grid', () => {
    expect(() => boundaryPairs(new Int32Array(5), [2, 2], () => true)).toThrow(/grid 2x2 has 4 points/);
  });

  it('reads the grid size from a start spec, and says none for samplers that are not grids', () => {
    expect(gridDims({ sampler: 'grid', gridCounts: [30] }, 3)).toEqual([30, 30, 30]);
    expect(gridDims({ sampler: 'grid', gridCounts: [20, 10] }, 2)).toEqual([20, 10]);
    // A slice's grid spans two axes of a higher-dimensional box.
    expect(gridDims({ sampler: 'grid', gridCounts: [20, 10] }, 5)).toEqual([20, 10]);
    expect(gridDims({ sampler: 'grid', n: 100 }, 2)).toEqual([10, 10]);
    expect(gridDims({ sampler: 'sobol', n: 100 }, 2)).toBeUndefined();
  });
});
