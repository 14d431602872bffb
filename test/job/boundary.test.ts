import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCpuPool } from '../../kernels/index.ts';
import { useBackend } from '../../src/backends/registry.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import '../../src/node/register.ts';
import { BOUNDARY_AUTO_POINTS, mapBoundary } from '../../src/job/boundary.ts';
import { mapBasins, type MapResult } from '../../src/map.ts';
import { findLibraryFunction } from '../../src/objectives/library/index.ts';
import { gridStartSet } from '../../src/starts/grid.ts';

/** The boundary measures a grid map gets (summary.json's `boundary`): Himmelblau at lr 0.01, 80 x 80, fused cpu. */
const o = findLibraryFunction('himmelblau')!;
const box = o.box(2);
const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.01 }), box, sense: 'min' as const };
let plain: MapResult;
let refined: MapResult;

beforeAll(async () => {
  await useBackend('wasm');
  plain = await mapBasins({ objective: o, starts: gridStartSet([80], undefined, box), descent, engine: 'fused-cpu', classifyLimit: 0 });
  refined = await mapBasins({ objective: o, starts: gridStartSet([40], undefined, box), descent, engine: 'fused-cpu', classifyLimit: 0, refine: { grid: { counts: [40, 40], box }, rounds: 1 } });
}, 300_000);
afterAll(async () => {
  await closeCpuPool();
});

describe('the boundary measures of a map', () => {
  it('measures a grid map: Himmelblau\'s boundaries are smooth curves, so α is near 1', () => {
    const b = mapBoundary(plain, [80, 80], undefined);
    expect(b && 'uncertainty' in b).toBe(true);
    if (!b || !('uncertainty' in b)) return;
    expect(b.grid).toMatchObject({ dims: [80, 80], points: 6400, basins: 4 });
    // A smooth curve has dimension 1 in the plane: α = 2 − 1. 0.15 allows the short ε range of an 80-point grid.
    expect(Math.abs(b.uncertainty.alpha! - 1)).toBeLessThan(0.15);
    expect(b.entropy.log2Criterion).not.toBe('fractal');
    expect(b.wada.verdict).not.toBe('wada');
  });

  it('measures a refined map on its finest field', () => {
    const b = mapBoundary(refined, [40, 40], undefined);
    expect(b && 'grid' in b && b.grid.dims).toEqual(refined.refined!.field.dims);
  });

  it('skips a large grid unless asked, says why, and never measures what is not a grid', () => {
    const side = Math.ceil(Math.sqrt(BOUNDARY_AUTO_POINTS)) + 1;
    // The same labels read as a grid too large for the default (only the count matters for the skip).
    const big = { ...plain, summary: { ...plain.summary, outcome: new Int32Array(side * side) } };
    expect(mapBoundary(big, [side, side], undefined)).toMatchObject({ skipped: expect.stringMatching(/more than 250,000: measured on request \(--boundary\)/) });
    expect(mapBoundary(plain, [80, 80], false)).toBeUndefined();
    expect(mapBoundary(plain, undefined, undefined)).toBeUndefined();
    expect(mapBoundary(plain, undefined, true)).toMatchObject({ skipped: expect.stringMatching(/not a grid/) });
  });
});
