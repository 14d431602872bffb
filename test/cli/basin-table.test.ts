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
