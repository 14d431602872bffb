import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { makeStartSet } from '../../src/starts/index.ts';
import type { StartSet } from '../../src/starts/types.ts';
import { basinEntropy } from '../../src/science/basin-entropy.ts';
import { labelGrid } from '../../src/science/label-grid.ts';

describe('a label grid', () => {
  it('refuses labels that do not fill the grid, naming both sizes', () => {
    expect(() => labelGrid(new Int32Array(10), [3, 3])).toThrow(UserError);
    expect(() => labelGrid(new Int32Array(10), [3, 3])).toThrow(/grid 3x3 has 9 points but there are 10 labels/);
    expect(() => labelGrid(new Int32Array(4), [2, 0.5 as number])).toThrow(/grid count 0.5 is not a whole number/);
    expect(() => labelGrid(new Int32Array(0), [])).toThrow(/at least one axis/);
  });

  it("reads labels in the grid sampler's order: axis 1 first and fastest", async () => {
    // A 40 x 20 grid on [-1, 1]^2 labelled by x > 0.1: the boundary runs along axis 2 between
    // columns 20 and 21, inside the 5th column of 5 x 5 boxes, so it crosses all 4 rows of boxes.
    // Read transposed (rows of 40 along y), the same labels would cut 8 boxes instead.
    const set = (await makeStartSet({ sampler: 'grid', gridCounts: [40, 20] }, [[-1, 1], [-1, 1]])) as StartSet;
    const rows = set.rows(0, set.n);
    const labels = Int32Array.from({ length: set.n }, (_, i) => (rows[2 * i] > 0.1 ? 1 : 0));
    const e = basinEntropy(labelGrid(labels, [40, 20]), 5);
    expect(e.boxes).toBe(32);
    expect(e.boundaryBoxes).toBe(4);
  });
});
