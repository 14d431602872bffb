import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCpuPool } from '../../kernels/index.ts';
import { useBackend } from '../../src/backends/registry.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import '../../src/node/register.ts';
import { mapBasins } from '../../src/map.ts';
import { objectiveFromExpression } from '../../src/objectives/expression/objective.ts';
import { findLibraryFunction } from '../../src/objectives/library/index.ts';
import type { Box, Objective } from '../../src/objectives/types.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { makeStartSet } from '../../src/starts/index.ts';
import { analyzeBoundary } from '../../src/science/boundary.ts';
import { convergenceTimes } from '../../src/science/convergence.ts';
import { labelGrid } from '../../src/science/label-grid.ts';

/**
 * Boundary measures of real basin maps: gradient descent with a fixed step from a 200 x 200 grid,
 * on the fused cpu engine (each map well under a second). The numbers quoted are from runs on
 * this project's 2-core machine; docs/boundary.md has the full tables.
 */
const N = 200;

async function gridMap(o: Objective, box: Box, lr: number) {
  const starts = await makeStartSet({ sampler: 'grid', gridCounts: [N] }, box);
  const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr }), box, sense: 'min' as const, maxIter: 3000 };
  return mapBasins({ objective: o, starts, descent, engine: 'fused-cpu', classifyLimit: 0 });
}

beforeAll(async () => {
  await useBackend('wasm');
});
afterAll(async () => {
  await closeCpuPool();
});

describe('boundaries of real gradient-descent basin maps', () => {
  it('Himmelblau at a small step has smooth boundaries: Sbb < ln 2 and α ≈ 1', async () => {
    const o = findLibraryFunction('himmelblau')!;
    const { summary, results } = await gridMap(o, o.box(2), 0.01);
    const r = analyzeBoundary(labelGrid(summary.outcome, [N, N]));
    expect(r.grid.basins).toBe(4);
    expect(r.entropy.Sbb!).toBeLessThan(Math.LN2);
    // Measured α 0.98 [0.97, 0.99] and box-counting D 1.01: four curved boundaries, their triple
    // junctions and the box edge bend the log-log line by a few percent; ±0.1 still puts it far
    // from the fractal case below (α ≈ 0.2).
    expect(Math.abs(r.uncertainty.alpha! - 1)).toBeLessThan(0.1);
    expect(Math.abs(r.boxCounting.dimension! - 1)).toBeLessThan(0.1);
    expect(r.wada.verdict).toBe('not wada');

    const times = convergenceTimes(summary.outcome, results.nit);
    expect(times.basins.map((b) => b.starts)).toEqual(summary.basins.map((b) => b.count));
    for (const b of times.basins) expect(b.min <= b.median && b.median <= b.max && b.mean <= b.max).toBe(true);
  });

  it('four flat wells around a sharp one: past the sharp well’s step limit the boundary is fractal', async () => {
    // The centre is a minimum with curvatures 9 and 15, unstable for gd once lr > 2/15; the four
    // outer minima (curvature ≈ 2) stay stable up to lr = 1. At lr = 0.5 starts near the centre
    // bounce chaotically before leaving for an outer well. Measured on the zoomed box ±0.8:
    // Sbb 1.09, α 0.21 [0.20, 0.22], box-counting D 1.78, the same within 0.01 on 400^2, 800^2 and
    // 1600^2 grids (docs/boundary.md).
    const box: Box = [[-0.8, 0.8], [-0.8, 0.8]];
    const o = objectiveFromExpression('(x^2-4)^2/16 + (y^2-4)^2/16 - exp(-5*x^2 - 8*y^2)', { box });
    const { summary } = await gridMap(o, box, 0.5);
    const r = analyzeBoundary(labelGrid(summary.outcome, [N, N]));
    expect(summary.counts.converged).toBe(N * N);
    // Sbb above ln 2 by a margin far beyond its box-to-box noise (1000+ boundary boxes).
    expect(r.entropy.Sbb!).toBeGreaterThan(Math.LN2 + 0.2);
    expect(r.entropy.log2Criterion).toBe('fractal');
    expect(r.uncertainty.alphaCi![1]).toBeLessThan(0.4);
    expect(r.boxCounting.dimensionCi![0]).toBeGreaterThan(1.6);
    expect(r.fractalTest.verdict).toBe('fractal');
  });
});
