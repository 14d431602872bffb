import { describe, expect, it } from 'vitest';
import { areaCounts, boundaryOwners, coarseField, fieldDims, fieldLabels, fineGridBox, subdivide, type RefineGrid } from '../../src/refine/quadtree.ts';
import { gridStartSet } from '../../src/starts/grid.ts';

const grid: RefineGrid = { counts: [6, 5], box: [[-1, 1], [0, 2]] };
// A vertical boundary between columns 2 and 3 of the coarse 6 x 5 grid.
const coarseOutcome = Int32Array.from({ length: 30 }, (_, i) => (i % 6 < 3 ? 0 : 1));

describe('the quadtree of a refined grid map', () => {
  it('flags the leaves that have a neighbour in another basin: the two columns either side', () => {
    const flag = boundaryOwners(coarseField(grid), coarseOutcome, 30);
    expect([...flag.keys()].filter((i) => flag[i]).map((i) => i % 6)).toEqual([2, 3, 2, 3, 2, 3, 2, 3, 2, 3]);
  });

  it('splits each flagged cell into four starts exactly at the points of the equivalent full fine grid', () => {
    const f0 = coarseField(grid);
    const sub = subdivide(f0, boundaryOwners(f0, coarseOutcome, 30), grid, 30);
    expect(sub.split).toBe(10);
    expect(sub.x0.length / 2).toBe(40);
    expect(sub.field.dims).toEqual(fieldDims(grid, 1));
    const [W, H] = sub.field.dims;
    const fine = gridStartSet([W, H], undefined, fineGridBox(grid, 1)).rows(0, W * H);
    for (let j = 0; j < W * H; j++) {
      const o = sub.field.owner[j];
      if (o < 30) continue;
      // Both are float64 positions rounded once to float32; they differ by at most one rounding (2 ulps at |x| ≤ 2).
      expect(Math.abs(sub.x0[2 * (o - 30)] - fine[2 * j])).toBeLessThan(5e-7);
      expect(Math.abs(sub.x0[2 * (o - 30) + 1] - fine[2 * j + 1])).toBeLessThan(5e-7);
    }
  });

  it('weighs an unrefined cell as four fine cells and each child as one', () => {
    const f0 = coarseField(grid);
    const sub = subdivide(f0, boundaryOwners(f0, coarseOutcome, 30), grid, 30);
    // The children inherit their parent's basin here, so the area is the coarse one: 15 cells each.
    const outcome = Int32Array.from({ length: 70 }, (_, i) => (i < 30 ? coarseOutcome[i] : -9));
    for (let j = 0; j < sub.field.owner.length; j++) {
      const o = sub.field.owner[j];
      if (o >= 30) outcome[o] = (j % sub.field.dims[0]) < 6 ? 0 : 1;
    }
    expect(areaCounts(sub.field, outcome)).toEqual(new Map([[0, 60], [1, 60]]));
    expect(fieldLabels(sub.field, outcome).length).toBe(120);
  });

  it('takes a coarse leaf that turns out to touch the boundary straight to the finest level', () => {
    const f0 = coarseField(grid);
    const sub = subdivide(f0, boundaryOwners(f0, coarseOutcome, 30), grid, 30);
    // Pretend the children of column 2 reached basin 1: now column 1 (still coarse) borders them.
    const outcome = Int32Array.from({ length: 70 }, (_, i) => (i < 30 ? coarseOutcome[i] : 1));
    const flag = boundaryOwners(sub.field, outcome, 70);
    const next = subdivide(sub.field, flag, grid, 70);
    // Coarse cells of column 1 (5 of them) split into 16 each at round 2, children of round 1
    // into 4: every new leaf is 1/16 of a coarse cell.
    const coarseSplit = [...flag.keys()].filter((i) => flag[i] && i < 30).length;
    const fineSplit = [...flag.keys()].filter((i) => flag[i] && i >= 30).length;
    expect(coarseSplit).toBe(5);
    expect(next.x0.length / 2).toBe(16 * coarseSplit + 4 * fineSplit);
  });
});
