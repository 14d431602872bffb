import { describe, expect, it } from 'vitest';
import type { BasinSummary } from '../../src/basins/types.ts';
import { basinTable } from '../../src/cli/basin-table.ts';
import { convergenceTimes } from '../../src/science/convergence.ts';

const summary = (counts: BasinSummary['counts']): BasinSummary => ({
  n: counts.converged + counts.maxiter + counts.diverged + counts.interrupted, d: 2, sense: 'min',
  basins: [], outcome: new Int32Array(0), counts, tolerances: { distance: 1e-3, fTie: 1e-6 },
});

describe('the basin table when no start converged', () => {
  it('says so, with the counts, instead of an empty table; what to change is the warning line below it', () => {
    const text = basinTable(summary({ converged: 0, maxiter: 10_000, diverged: 0, interrupted: 0 }), [], ['warning: ...']);
    expect(text).toBe('no start converged, so there is no end point to map (converged 0, max iterations 10,000, diverged 0)\nwarning: ...');
  });

  it('says the run was cut short when it was', () => {
    expect(basinTable(summary({ converged: 0, maxiter: 0, diverged: 0, interrupted: 5 }), [])).toMatch(/interrupted 5\); the run was interrupted before any start finished$/);
  });
});

describe('the basin table with convergence times', () => {
  it('adds an iterations column: median and max of each basin', () => {
    const s: BasinSummary = {
      ...summary({ converged: 3, maxiter: 0, diverged: 0, interrupted: 0 }),
      basins: [{ id: 0, x: [1, 2], f: 0, count: 3, fraction: 1, global: true, kind: 'minimum' }],
      outcome: Int32Array.from([0, 0, 0]),
    };
    const lines = basinTable(s, [], [], convergenceTimes(s.outcome, Int32Array.from([10, 40, 12]))).split('\n');
    expect(lines[0]).toMatch(/fraction {2}listed as {2}iterations$/);
    expect(lines[1]).toMatch(/median 12 \(max 40\)$/);
  });
});

describe('the basin table of a map with plateaus or a missed global minimum', () => {
  const b = (id: number, f: number, extra: Partial<BasinSummary['basins'][number]> = {}) => ({ id, x: [id, 0], f, count: 1, fraction: 0.25, global: false, kind: 'minimum' as const, ...extra });
  const base = (basins: BasinSummary['basins']): BasinSummary => ({
    n: 4, d: 2, sense: 'min', basins, outcome: new Int32Array(0), counts: { converged: 4, maxiter: 0, diverged: 0, interrupted: 0 }, tolerances: { distance: 1e-3, fTie: 1e-6 },
  });

  it('lists plateau end points as one flat row with their count', () => {
    const text = basinTable(base([b(0, -1, { global: true }), b(1, 0, { kind: 'degenerate', flat: true }), b(2, 1e-8, { kind: 'degenerate', flat: true, count: 2, fraction: 0.5 })]), []);
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^flat\s+0 to 1.0000e-8\s+2 end points\s+flat region \(no curvature\)\s+3\s+75.00%$/);
    expect(lines[3]).toMatch(/^3 distinct end points \(1 minimum, 1 flat region \(2 end points\); \* = global\)/);
  });

  it('stars nothing and says which known global minimum was not reached', () => {
    const s = { ...base([b(0, 15.94), b(1, 16.2)]), knownGlobal: { f: 0, x: [0, 0], reached: false } };
    const text = basinTable(s, []);
    expect(text).not.toMatch(/^\d+ \*/m);
    expect(text).toMatch(/none is global/);
    expect(text.split('\n').at(-1)).toBe('basin 0 (f = 15.94) is the best found; the known global minimum f* = 0 at (0, 0) was not reached');
  });
});

describe('basin numbers in the table', () => {
  it('are the ids the files carry (starts.csv basin, summary.json id) and --where basin=N selects: from 0', () => {
    const s: BasinSummary = {
      ...summary({ converged: 3, maxiter: 0, diverged: 0, interrupted: 0 }),
      basins: [
        { id: 0, x: [1, 2], f: 0, count: 2, fraction: 2 / 3, global: true, kind: 'minimum' },
        { id: 1, x: [5, 5], f: 3, count: 1, fraction: 1 / 3, global: false, kind: 'minimum' },
      ],
      outcome: Int32Array.from([0, 1, 0]),
    };
    const rows = basinTable(s, []).split('\n').slice(1, 3);
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(['0', '1']);
  });
});
