import { describe, expect, it } from 'vitest';
import { greedyMatch } from '../../src/params/continuation.ts';

describe('matching minima at consecutive parameter values', () => {
  it('pairs the nearest first and uses each minimum once', () => {
    // (0,0) is nearest to (0.1,0); (1,0) then takes (0.8,0), not the closer but taken one.
    expect(greedyMatch([[0, 0], [1, 0]], [[0.1, 0], [0.8, 0]], 1)).toEqual([[0, 0], [1, 1]]);
    expect(greedyMatch([[0, 0]], [[-0.3, 0], [0.3, 0]], 1)).toHaveLength(1);
  });

  it('leaves a minimum farther than the tolerance unmatched: it appears or vanishes', () => {
    expect(greedyMatch([[0, 0]], [[0.5, 0]], 0.4)).toEqual([]);
    expect(greedyMatch([[0, 0]], [[0.3, 0.4]], 0.5)).toEqual([[0, 0]]);
  });
});
