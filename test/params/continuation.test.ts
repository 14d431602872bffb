import { describe, expect, it } from 'vitest';
import { greedyMatch } from '../../src/params/continuation.ts';

describe('matching minima at consecutive parameter values', () => {
  it('pairs the nearest first and uses each minimum once', () => {
    // (0.5,0)–(0.3,0) is the nearest pair (0.2); (0,0) would rather have (0.3,0) too (0.3) but
    // it is taken, so (0,0) gets (0.9,0), still within the tolerance.
    expect(greedyMatch([[0, 0], [0.5, 0]], [[0.3, 0], [0.9, 0]], 1)).toEqual([[1, 0], [0, 1]]);
    expect(greedyMatch([[0, 0]], [[-0.3, 0], [0.3, 0]], 1)).toHaveLength(1);
  });

  it('leaves a minimum farther than the tolerance unmatched: it appears or vanishes', () => {
    expect(greedyMatch([[0, 0]], [[0.5, 0]], 0.4)).toEqual([]);
    expect(greedyMatch([[0, 0]], [[0.3, 0.4]], 0.5)).toEqual([[0, 0]]);
  });
});
