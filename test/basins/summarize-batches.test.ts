import { describe, expect, it } from 'vitest';
import { allocateResults, type StartResults } from '../../core/results.ts';
import { STATUS } from '../../core/status.ts';
import { BasinAccumulator, summarize } from '../../src/basins/summarize.ts';
import { sliceResults } from '../../src/io/start-rows.ts';
import { mulberry32 } from '../support/random.ts';

/**
 * 3000 end points around 12 minima (some closer than the clustering distance to a cell wall, so
 * the neighbour search matters), with every status mixed in, in a random order.
 */
function endPoints(): StartResults {
  const rand = mulberry32(11);
  const n = 3000;
  const r = allocateResults(n, 2);
  const centres = Array.from({ length: 12 }, (_, k) => [Math.fround(-4 + 0.7 * k), Math.fround(k % 3 === 0 ? 0.0001 : 2 - k / 5)]);
  const statuses = [STATUS.gtol.code, STATUS.gtol.code, STATUS.xtol.code, STATUS.maxiter.code, STATUS.nonfinite.code, STATUS.escaped.code, STATUS.interrupted.code];
  for (let i = 0; i < n; i++) {
    const c = centres[Math.floor(rand() * centres.length)];
    for (let j = 0; j < 2; j++) r.x[2 * i + j] = c[j] + (rand() * 2 - 1) * 2e-4;
    r.fun[i] = Math.fround(c[0] * c[0] + (rand() - 0.5) * 1e-6);
    r.status[i] = statuses[Math.floor(rand() * statuses.length)];
  }
  return r;
}

describe('basins from end points that arrive in batches', () => {
  const r = endPoints();
  const opts = { box: [[-5, 5], [-5, 5]] as [number, number][], sense: 'min' as const };
  const whole = summarize(r, opts);

  for (const cuts of [[1500], [1, 999, 1000, 2999], [7, 13, 1024, 2048]]) {
    it(`gives the same basins, numbers and outcomes as one pass, cut at ${cuts.join(', ')}`, () => {
      const acc = new BasinAccumulator(r.n, r.d, opts);
      const bounds = [0, ...cuts, r.n];
      for (let k = 0; k + 1 < bounds.length; k++) acc.add(sliceResults(r, bounds[k], bounds[k + 1]));
      const s = acc.finish();
      expect(s.basins).toEqual(whole.basins);
      expect(s.counts).toEqual(whole.counts);
      expect(s.tolerances).toEqual(whole.tolerances);
      expect(Array.from(s.outcome)).toEqual(Array.from(whole.outcome));
    });
  }

  it('found the 12 minima, and every status among the rest (so the comparison covers them)', () => {
    expect(whole.basins).toHaveLength(12);
    expect(Object.values(whole.counts).every((c) => c > 0)).toBe(true);
  });

  it('refuses more rows than it was sized for, and a finish before the last row', () => {
    const acc = new BasinAccumulator(10, 2, opts);
    expect(() => acc.finish()).toThrow(/after 0 of 10/);
    expect(() => acc.add(sliceResults(r, 0, 11))).toThrow(RangeError);
  });
});
