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
   * The library's 2-D functions typed as their formulas. gd at one fixed α cannot bring these
   * within 1000 iterations: their walls are hundreds to 10⁵ times steeper than their valleys, and
   * a step stable on the walls crawls in the valleys (docs/lr-auto.md). Their warning line says
   * so and names the fix; `it.fails` keeps that visible: it breaks once they pass.
   */
  const STIFF = new Set(['three-hump-camel', 'beale', 'goldstein-price', 'rosenbrock', 'zakharov', 'levy', 'michalewicz']);
  /**
   * Where the library version with its suggested settings misses the known global minimum from the
   * same grid too (measured, benchmarks/README.md "lr auto"): Ackley's and Eggholder's global basins
   * are narrower than the grid's spacing, and Easom is flat at every sampled start. For these only
   * the share of converged starts is checked.
   */
  const GLOBAL_MISSED_BY_LIBRARY = new Set(['easom', 'eggholder', 'ackley']);
  for (const o of LIBRARY.filter((f) => (f.dim === 2 || f.dim === 'any') && f.expression)) {
    const test = STIFF.has(o.name) ? it.fails : it;
    test(`${o.name} typed as a formula converges from ≥ 95 % of its box and finds its known global minima`, async () => {
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
