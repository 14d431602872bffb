import { describe, expect, it } from 'vitest';
import type { BasinSummary } from '../../src/basins/types.ts';
import { detectGrid } from '../../src/plot/start-grid.ts';
import { refinedPicture } from '../../src/refine/picture.ts';
import { boundaryOwners, coarseField, fieldLabels, subdivide, type RefineGrid } from '../../src/refine/quadtree.ts';

describe('the picture of a refined map', () => {
  it('is the field at its finest resolution: a full grid of fine cells with their leaves\' basins, counted by area', () => {
    const grid: RefineGrid = { counts: [4, 4], box: [[0, 3], [0, 3]] };
    const coarse = Int32Array.from({ length: 16 }, (_, i) => (i % 4 < 2 ? 0 : 1));
    const f0 = coarseField(grid);
    const sub = subdivide(f0, boundaryOwners(f0, coarse, 16), grid, 16);
    const n = 16 + sub.x0.length / 2;
    // The children on the left of the boundary reach basin 0, the others 1; one child never converged.
    const outcome = Int32Array.from({ length: n }, (_, i) => (i < 16 ? coarse[i] : sub.x0[2 * (i - 16)] < 1.5 ? 0 : 1));
    outcome[16] = -2;
    const nit = Int32Array.from({ length: n }, (_, i) => i);
    const summary: BasinSummary = {
      n, d: 2, sense: 'min', outcome, counts: { converged: n - 1, maxiter: 1, diverged: 0, interrupted: 0 }, tolerances: { distance: 1e-3, fTie: 1e-6 },
      basins: [0, 1].map((id) => ({ id, x: [id, id], f: 0, count: 0, fraction: 0, global: true })),
    };
    const pic = refinedPicture(grid, sub.field, summary, nit);
    const g = detectGrid(pic.results.x0, 2, [0, 1])!;
    expect([g.u.length, g.v.length]).toEqual([8, 8]);
    expect(Array.from(pic.summary.outcome)).toEqual(Array.from(fieldLabels(sub.field, outcome)));
    expect(pic.summary.basins.map((b) => b.count)).toEqual([31, 32]);
    expect(pic.summary.counts).toEqual({ converged: 63, maxiter: 1, diverged: 0, interrupted: 0 });
    expect(pic.results.nit[0]).toBe(0);
    expect(pic.results.nit[2]).toBe(16);
  });
});
