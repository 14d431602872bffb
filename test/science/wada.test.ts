import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { chessboardDistance } from '../../src/science/chessboard.ts';
import { labelGrid } from '../../src/science/label-grid.ts';
import { mulberry32 } from '../../src/science/random.ts';
import { wadaTest } from '../../src/science/wada.ts';
import { halfPlane, newtonCubic, sectors } from './synthetic.ts';

describe('the chessboard distance transform', () => {
  it('agrees with brute force on a random sparse mask', () => {
    const [w, h] = [37, 23];
    const rand = mulberry32(5);
    const marked = Uint8Array.from({ length: w * h }, () => (rand() < 0.02 ? 1 : 0));
    const d = chessboardDistance(marked, w, h);
    for (let i = 0; i < w * h; i++) {
      let best = Infinity;
      for (let j = 0; j < w * h; j++) {
        if (marked[j]) best = Math.min(best, Math.max(Math.abs((i % w) - (j % w)), Math.abs(Math.floor(i / w) - Math.floor(j / w))));
      }
      expect(d[i]).toBe(best);
    }
  });
});

describe('the Wada test (merging method, Daza et al. 2018)', () => {
  it('finds three sectors meeting at a point not Wada: their boundaries are different rays', () => {
    const t = wadaTest(sectors(200));
    expect(t.verdict).toBe('not wada');
    // Merging all but basin k leaves k's two rays; another basin's boundary shares only one of
    // them, so about half of one boundary lies far from the other.
    t.apart.forEach((p) => expect(p).toBeGreaterThan(0.4));
    // All three basins come near each other only around the centre.
    expect(t.allMeet[t.allMeet.length - 1]).toBeLessThan(0.05);
  });

  it("finds Newton's basins for z^3 = 1 Wada: one boundary, touching all three basins", () => {
    const t = wadaTest(newtonCubic(300));
    expect(t.verdict).toBe('wada');
    expect(t.radius!).toBeLessThanOrEqual(3);
    expect(t.apart[t.radii.indexOf(t.radius!)]).toBeLessThanOrEqual(t.tolerance);
    // Measured 0.997 at r = 3; the few points left are where the 300^2 grid does not resolve the
    // third basin's smallest bulbs.
    expect(t.allMeet[t.allMeet.length - 1]).toBeGreaterThan(0.95);
  });

  it('does not apply to two basins or to maps other than 2-D, and says why', () => {
    expect(wadaTest(halfPlane(50))).toMatchObject({ verdict: 'not applicable', reason: expect.stringMatching(/three or more basins/) });
    const cube = labelGrid(Int32Array.from({ length: 1000 }, (_, i) => i % 3), [10, 10, 10]);
    expect(wadaTest(cube)).toMatchObject({ verdict: 'not applicable', reason: expect.stringMatching(/2-D maps; this one has 3 axes/) });
  });

  it('tests only the basins it is given, the others counting as unlabelled', () => {
    // Sectors 0 and 1 alone, with sector 2 as a hole: two basins, so the test does not apply.
    expect(wadaTest(sectors(60), { basins: [0, 1] })).toMatchObject({ verdict: 'not applicable', basins: [0, 1] });
    expect(wadaTest(sectors(60), { basins: [2, 0, 1, 7] }).basins).toEqual([0, 1, 2]);
  });

  it('refuses a radius under one point', () => {
    expect(() => wadaTest(sectors(30), { maxRadius: 0 })).toThrow(UserError);
  });
});
