import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { fractalTest } from '../../src/science/fractal-test.ts';
import { labelGrid } from '../../src/science/label-grid.ts';
import { mulberry32 } from '../../src/science/random.ts';
import { discreteBallAllowance, smoothBallEntropy } from '../../src/science/smooth-ball.ts';
import { disc, halfPlane, newtonCubic, weierstrass } from './synthetic.ts';

describe("the smooth-boundary reference of Puy et al.'s test", () => {
  it('reproduces their table of Sbb for a flat cut through a ball, d = 1..5', () => {
    // Puy et al. (2021), as tabulated in Attractors.jl's basins_fractal_test; printed to 5-8
    // digits, so agreement to 1e-5 is all the table can show.
    const table = [0.499999, 0.4395093, 0.39609176, 0.36319428, 0.33722572];
    table.forEach((v, k) => expect(Math.abs(smoothBallEntropy(k + 1) - v)).toBeLessThan(1e-5));
  });

  it('matches the mean entropy of lattice discs cut by random straight lines, within the allowance', () => {
    // Discs of radius 10 points, centred off the lattice at random, cut by lines at a random
    // angle and offset; as in the test, only cuts that leave points on both sides count. On the
    // lattice the mean may exceed the continuum value by up to δ(10) ≈ 0.022; 4000 cuts give a
    // standard error near 0.003, so the band is widened by 4 of them on either side.
    const rand = mulberry32(12345);
    const r = 10;
    const entropies: number[] = [];
    while (entropies.length < 4000) {
      const [a, h] = [rand() * Math.PI, (rand() * 2 - 1) * r];
      const [cx, cy] = [rand() - 0.5, rand() - 0.5];
      let n = 0;
      let one = 0;
      for (let x = -r; x <= r; x++) {
        for (let y = -r; y <= r; y++) {
          if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
          n++;
          if ((x - cx) * Math.cos(a) + (y - cy) * Math.sin(a) > h) one++;
        }
      }
      const p = one / n;
      if (p > 0 && p < 1) entropies.push(-p * Math.log(p) - (1 - p) * Math.log(1 - p));
    }
    const mean = entropies.reduce((x, y) => x + y, 0) / entropies.length;
    expect(mean).toBeGreaterThan(smoothBallEntropy(2) - 0.012);
    expect(mean).toBeLessThan(smoothBallEntropy(2) + discreteBallAllowance(r) + 0.012);
  });
});

describe('the fractal test (Puy et al. 2021)', () => {
  it('calls straight and circular boundaries smooth', () => {
    for (const g of [halfPlane(200), disc(200)]) {
      const t = fractalTest(g);
      expect(t.verdict).toBe('smooth');
      expect(t.balls).toBe(1000);
    }
  });

  it("calls Newton's basins and a Weierstrass graph fractal, the latter with Sbb under ln 2", () => {
    expect(fractalTest(newtonCubic(300)).verdict).toBe('fractal');
    // Two basins can never pass the log 2 criterion; this test still sees the fractal.
    const w = fractalTest(weierstrass(512, 1.5));
    expect(w.verdict).toBe('fractal');
    expect(w.Sbb!).toBeLessThan(Math.LN2);
  });

  it('gives the same answer for the same seed, and finds nothing in a single basin', () => {
    const g = disc(120);
    expect(fractalTest(g, { seed: 3 })).toEqual(fractalTest(g, { seed: 3 }));
    expect(fractalTest(g, { seed: 3 }).Sbb).not.toBe(fractalTest(g, { seed: 4 }).Sbb);
    expect(fractalTest(labelGrid(new Int32Array(2500), [50, 50])).verdict).toBe('no boundary');
    expect(fractalTest(halfPlane(6), { radius: 3 }).verdict).toBe('grid too small');
  });

  it('refuses too few balls or a radius under one point, saying what to give', () => {
    expect(() => fractalTest(disc(50), { balls: 10 })).toThrow(UserError);
    expect(() => fractalTest(disc(50), { balls: 10 })).toThrow(/give at least 100/);
    expect(() => fractalTest(disc(50), { radius: 0.5 })).toThrow(/radius 0.5 is under 1 grid point/);
  });
});
