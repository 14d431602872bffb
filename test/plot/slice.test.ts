import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { mapSlice, parsePngSize, parseSliceAxes, parseSlicePlane } from '../../src/plot/slice-args.ts';
import { sliceStartRows } from '../../src/plot/slice-starts.ts';
import { detectGrid } from '../../src/plot/start-grid.ts';
import type { Box } from '../../src/objectives/types.ts';

const box4: Box = [[-1, 1], [-2, 2], [0, 10], [5, 6]];

describe('slice of a d-dimensional box', () => {
  it('reads axes as x1..xd or 1..d', () => {
    expect(parseSliceAxes('x1,x3', 4)).toEqual([0, 2]);
    expect(parseSliceAxes('4, 2', 4)).toEqual([3, 1]);
    for (const bad of ['x1', 'x1,x5', 'x2,x2', 'a,b', 'x0,x1']) expect(() => parseSliceAxes(bad, 4)).toThrow(UserError);
  });

  it('fixes the other coordinates from --at: one per fixed axis, a full point, one for all, or the centre', () => {
    expect(parseSlicePlane([0, 2], '0.5,5.5', box4).at).toEqual([0, 0.5, 5, 5.5]);
    expect(parseSlicePlane([0, 2], '9,0.25,9,5.1', box4).at).toEqual([9, 0.25, 9, 5.1]);
    expect(parseSlicePlane([0, 2], '1', box4).at).toEqual([0, 1, 5, 1]);
    expect(parseSlicePlane([0, 2], undefined, box4).at).toEqual([0, 0, 5, 5.5]);
    expect(parseSlicePlane([0, 2], undefined, box4).range).toEqual([[-1, 1], [0, 10]]);
    expect(() => parseSlicePlane([0, 2], '1,2,3', box4)).toThrow(/give 2 \(for x2, x4\), 4 \(a full point\), or one for all/);
    expect(() => parseSlicePlane([0, 2], '1,zz', box4)).toThrow(UserError);
  });

  it('makes a grid over the two axes, first axis fastest, edges included, others fixed', () => {
    const plane = parseSlicePlane([0, 2], '0.5,5.5', box4);
    const s = sliceStartRows(plane, [3, 2]);
    expect([s.n, s.d]).toEqual([6, 4]);
    const rows = Array.from(s.rows(0, 6));
    const row = (i: number) => rows.slice(i * 4, i * 4 + 4);
    expect(row(0)).toEqual([-1, 0.5, 0, 5.5]);
    expect(row(1)).toEqual([0, 0.5, 0, 5.5]);
    expect(row(2)).toEqual([1, 0.5, 0, 5.5]);
    expect(row(5)).toEqual([1, 0.5, 10, 5.5]);
    expect(Array.from(s.rows(4, 2))).toEqual(rows.slice(16));
    expect(s.describe).toBe('slice grid 3x2 = 6 starts over x1, x3 at x2 = 0.5, x4 = 5.5');
    // The basin map recognises it as a grid and fills cells.
    const grid = detectGrid(s.rows(0, 6), 4, [0, 2]);
    expect(grid && [grid.u.length, grid.v.length]).toEqual([3, 2]);
  });

  it('sizes the slice grid from --grid or --n and refuses other samplers', () => {
    expect(mapSlice({ slice: 'x1,x2', grid: '40x30' }, box4)!.starts.n).toBe(1200);
    expect(mapSlice({ slice: 'x1,x2', n: 2500 }, box4)!.starts.n).toBe(2500);
    expect(mapSlice({ slice: 'x1,x2' }, box4)!.spec).toEqual({ sampler: 'grid', gridCounts: [100, 100] });
    expect(mapSlice({}, box4)).toBeUndefined();
    expect(() => mapSlice({ at: '0' }, box4)).toThrow(/--at gives the fixed coordinates of a --slice/);
    expect(() => mapSlice({ slice: 'x1,x2', sampler: 'sobol' }, box4)).toThrow(/drop --sampler/);
  });

  it('reads --png-size', () => {
    expect(parsePngSize('900x800')).toEqual({ width: 900, height: 800 });
    for (const bad of ['900', '10x10', 'axb', '900x800x2']) expect(() => parsePngSize(bad)).toThrow(UserError);
  });
});
