import { describe, expect, it } from 'vitest';
import { decideGlobal, isFlat } from '../../src/basins/classify.ts';
import { describeEndPoints, splitFlat, unreachedGlobalNote } from '../../src/basins/flat.ts';
import type { Basin, BasinSummary } from '../../src/basins/types.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { mapBasins } from '../../src/map.ts';
import { findLibraryFunction } from '../../src/objectives/library/index.ts';
import { makeStartSet } from '../../src/starts/index.ts';
import type { KnownPoint } from '../../src/objectives/types.ts';

const basin = (id: number, f: number, extra: Partial<Basin> = {}): Basin => ({ id, x: [id, 0], f, count: 1, fraction: 0.01, global: false, kind: 'minimum', ...extra });
const summary = (basins: Basin[], sense: 'min' | 'max' = 'min'): BasinSummary => ({
  n: 100, d: 2, sense, basins, outcome: new Int32Array(0), counts: { converged: basins.length, maxiter: 0, diverged: 0, interrupted: 0 }, tolerances: { distance: 1e-3, fTie: 1e-6 },
});
const knownAtZero: KnownPoint[] = [{ kind: 'minimum', x: [0, 0], f: 0, global: true }, { kind: 'minimum', x: [3, 3], f: 2 }];

describe('deciding which minima are global, given the known global minimum', () => {
  it('calls none global when the best minimum found is worse than the known f*, and records that it was not reached', () => {
    const s = decideGlobal(summary([basin(0, 2), basin(1, 5)]), knownAtZero);
    expect(s.basins.map((b) => b.global)).toEqual([false, false]);
    expect(s.knownGlobal).toEqual({ f: 0, x: [0, 0], reached: false });
    expect(unreachedGlobalNote(s)).toBe('best found; the known global minimum f* = 0 at (0, 0) was not reached');
  });

  it('calls the best one global when it reaches f* within the float32 tie tolerance', () => {
    // 1e-7 above f* = 0: float32 residue at a converged point, far inside sqrt(eps32) ≈ 3.5e-4.
    const s = decideGlobal(summary([basin(0, 1e-7), basin(1, 2)]), knownAtZero);
    expect(s.basins.map((b) => b.global)).toEqual([true, false]);
    expect(s.knownGlobal?.reached).toBe(true);
    expect(unreachedGlobalNote(s)).toBeUndefined();
  });

  it('judges by the best f found without a listed minimum (a formula), and under --maximize ignores the listed minima', () => {
    expect(decideGlobal(summary([basin(0, 2), basin(1, 5)])).basins[0].global).toBe(true);
    const up = decideGlobal(summary([basin(0, 5, { kind: 'maximum' }), basin(1, 2, { kind: 'maximum' })], 'max'), knownAtZero);
    expect(up.basins.map((b) => b.global)).toEqual([true, false]);
    expect(up.knownGlobal).toBeUndefined();
  });

  it('never calls a plateau point global, even the lowest one', () => {
    const s = decideGlobal(summary([basin(0, -3, { kind: 'degenerate', flat: true }), basin(1, -1)]));
    expect(s.basins.map((b) => b.global)).toEqual([false, true]);
  });
});

describe('plateaus', () => {
  it('are points where every eigenvalue is zero, not valleys with one flat direction', () => {
    expect(isFlat([1e-9, -3e-8])).toBe(true);
    expect(isFlat([1e-9, 2])).toBe(false);
    expect(isFlat([])).toBe(false);
  });

  it('are grouped into one flat region with their count, share, f range and ids', () => {
    const s = summary([basin(0, -1), basin(1, 1e-8, { kind: 'degenerate', flat: true }), basin(2, 0.5, { kind: 'saddle' }), basin(3, -2e-9, { kind: 'degenerate', flat: true, count: 3, fraction: 0.03 })]);
    const { basins, flat } = splitFlat(s);
    expect(basins.map((b) => b.id)).toEqual([0, 2]);
    expect(flat).toEqual({ endPoints: 2, count: 4, fraction: expect.closeTo(0.04, 12), f: { min: -2e-9, max: 1e-8 }, ids: [1, 3] });
    expect(describeEndPoints(s)).toBe('1 minimum, 1 saddle, 1 flat region (2 end points)');
  });

  it('leave the plurals right: 1 minimum, 2 minima, 2 degenerate points', () => {
    const s = summary([basin(0, 1), basin(1, 2), basin(2, 3, { kind: 'degenerate' }), basin(3, 4, { kind: 'degenerate' }), basin(4, 5, { kind: undefined })]);
    expect(describeEndPoints(s)).toBe('2 minima, 2 degenerate points, 1 unclassified end point');
    expect(describeEndPoints(summary([basin(0, 1)]))).toBe('1 minimum');
  });
});

describe('maps of library functions', () => {
  it('ackley in 10-D: the best minimum found is never called global while f* = 0 is not reached', async () => {
    const o = findLibraryFunction('ackley')!;
    const box = o.box(10);
    const starts = await makeStartSet({ sampler: 'sobol', n: 64, seed: 1 }, box);
    const { summary: s } = await mapBasins({ objective: o, starts, descent: { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.01 }), box, sense: 'min' } });
    const best = Math.min(...s.basins.map((b) => b.f));
    // Ackley's local minima in 10-D lie at f ≳ 2 (each integer coordinate away from 0 adds); 64
    // Sobol starts on the ±32.768 box essentially never land in the global basin (radius ~1).
    expect(best).toBeGreaterThan(1);
    expect(s.basins.some((b) => b.global)).toBe(false);
    expect(s.knownGlobal).toEqual({ f: 0, x: Array(10).fill(0), reached: false });
  });

  it("easom: thousands of plateau end points come out as one flat region, beside the global minimum", async () => {
    const o = findLibraryFunction('easom')!;
    const box = o.box(2);
    const starts = await makeStartSet({ sampler: 'grid', gridCounts: [40] }, box);
    const { summary: s } = await mapBasins({ objective: o, starts, descent: { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.01 }), box, sense: 'min' } });
    const { basins, flat } = splitFlat(s);
    expect(flat).toBeDefined();
    // Far from (π, π) f is below 1e-7 in size with no curvature: most of the 1,600 starts stop at once.
    expect(flat!.endPoints).toBeGreaterThan(1000);
    expect(basins.length).toBeLessThan(20);
  });
});
