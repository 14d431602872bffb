import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { mapBasins, type MapResult } from '../../src/map.ts';
import { LIBRARY } from '../../src/objectives/library/index.ts';
import { resolveObjective } from '../../src/objectives/resolve.ts';
import type { Box } from '../../src/objectives/types.ts';
import { gridStartSet } from '../../src/starts/grid.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import '../../src/node/register.ts';

beforeAll(async () => {
  await useBackend('cpu');
});

/** A formula as a new user maps it: no descent flags (gd, lr auto, 1000 iterations), a 100 × 100 grid, the fastest engine here. */
async function firstRun(fn: string, box: Box): Promise<MapResult> {
  const { objective } = await resolveObjective({ fn, box: box.flat().join(',') });
  const starts = gridStartSet([100, 100], undefined, box);
  // lr: 'auto' replaces this placeholder α before any engine runs.
  const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 1 }), box, sense: 'min' as const };
  return mapBasins({ objective, starts, descent, lr: 'auto', engine: 'auto' });
}

describe('a first run of a typed formula, no descent flags', () => {
  it('three-hump camel on −5,5: its 3 minima, from every start, none lost to divergence', async () => {
    const r = await firstRun('2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2', [[-5, 5], [-5, 5]]);
    expect(r.summary.counts.converged).toBe(10_000);
    const minima = r.summary.basins.filter((b) => b.kind === 'minimum');
    // The global minimum (0, 0) and the two local ones at ±(1.7476, −0.8738) (Jamil & Yang 2013).
    expect(minima).toHaveLength(3);
    for (const [x, y] of [[0, 0], [1.74755, -0.873776], [-1.74755, 0.873776]]) {
      // End points are within ~gtol/λ_min ≈ 1e-4 of a minimum; 1e-3 is the clustering distance scale.
      expect(minima.some((b) => Math.hypot(b.x[0] - x, b.x[1] - y) < 1e-3)).toBe(true);
    }
  });

  it('beale typed as a formula: the minimum (3, 0.5) from most of the box, and the rest honestly not minima', async () => {
    const o = LIBRARY.find((f) => f.name === 'beale')!;
    const r = await firstRun(o.expression!(2).replace(/\bx1\b/g, 'x').replace(/\bx2\b/g, 'y'), o.box(2));
    const min = r.summary.basins.filter((b) => b.kind === 'minimum');
    // Measured 62 %: the share of the grid outside the two valleys' catchments.
    expect(min).toHaveLength(1);
    expect(Math.hypot(min[0].x[0] - 3, min[0].x[1] - 0.5)).toBeLessThan(1e-3);
    expect(min[0].count / r.summary.n).toBeGreaterThan(0.55);
    // Every other converged end point lies in one of the valleys, and none is called a minimum.
    for (const b of r.summary.basins.filter((b) => b.kind !== 'minimum')) {
      expect(b.x[0] < -5 || b.x[1] < -5).toBe(true);
    }
  });

  it('sin(x)*cos(y) on −6,6: every start converges and every minimum in the box (sin x cos y = −1) is found', async () => {
    const r = await firstRun('sin(x)*cos(y)', [[-6, 6], [-6, 6]]);
    expect(r.summary.counts.converged).toBe(10_000);
    // Closed form: sin x = −1, cos y = 1 or sin x = 1, cos y = −1, inside [−6, 6]².
    const expected: number[][] = [];
    for (let k = -2; k <= 2; k++) for (let j = -2; j <= 2; j++) {
      for (const [x, y] of [[-Math.PI / 2 + 2 * Math.PI * k, 2 * Math.PI * j], [Math.PI / 2 + 2 * Math.PI * k, Math.PI + 2 * Math.PI * j]]) {
        if (Math.abs(x) <= 6 && Math.abs(y) <= 6) expected.push([x, y]);
      }
    }
    expect(expected).toHaveLength(6);
    const minima = r.summary.basins.filter((b) => b.kind === 'minimum');
    for (const p of expected) {
      // gtol 1e-4 with curvature 1 puts end points within ~1e-4 of the minimum; 1e-3 is the clustering distance scale.
      expect(minima.some((b) => Math.hypot(b.x[0] - p[0], b.x[1] - p[1]) < 1e-3)).toBe(true);
    }
    // And nothing else: every basin is a minimum of the closed form (f = −1), inside the box or beyond its edge.
    for (const b of r.summary.basins) expect(b.f).toBeCloseTo(-1, 6); // float32 f near −1 is exact to ~6e-8
  });

  /**
   * Beale's box drains into two valleys that descend towards a limit with no minimum (x → −∞ near
   * y ≈ 1, f → 0.55; y → −∞ near x ≈ 0, f → 8.5): measured, 31 % of the grid ends there,
   * crawling (max iterations) or where ‖∇f‖ has fallen below gtol on the way (degenerate points,
   * not minima). No step size changes where a valley leads, so its test says that instead.
   */
  const NO_MINIMUM_BEYOND = new Set(['beale']);
  /**
   * Where the library version with its suggested settings misses the known global minimum from the
   * same grid too (measured, benchmarks/README.md "lr auto"): Ackley's and Eggholder's global basins
   * are narrower than the grid's spacing, and Easom is flat at every sampled start. For these only
   * the share of converged starts is checked.
   */
  const GLOBAL_MISSED_BY_LIBRARY = new Set(['easom', 'eggholder', 'ackley']);
  for (const o of LIBRARY.filter((f) => (f.dim === 2 || f.dim === 'any') && f.expression)) {
    if (NO_MINIMUM_BEYOND.has(o.name)) continue;
    it(`${o.name} typed as a formula converges from ≥ 95 % of its box and finds its known global minima`, async () => {
      const box = o.box(2);
      const r = await firstRun(o.expression!(2).replace(/\bx1\b/g, 'x').replace(/\bx2\b/g, 'y'), box);
      expect(r.summary.counts.converged / r.summary.n).toBeGreaterThanOrEqual(0.95);
      if (GLOBAL_MISSED_BY_LIBRARY.has(o.name)) return;
      for (const g of o.known(2).filter((k) => k.global)) {
        // Within 10 clustering distances: an end point is within gtol/curvature of the minimum.
        expect(r.summary.basins.some((b) => Math.hypot(b.x[0] - g.x[0], b.x[1] - g.x[1]) < 10 * r.summary.tolerances.distance)).toBe(true);
      }
    });
  }
});
