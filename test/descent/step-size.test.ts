import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { AUTO_BOX_FRACTION, autoStepSize } from '../../src/descent/step-size.ts';
import { mapBasins } from '../../src/map.ts';
import { booth } from '../../src/objectives/library/booth.ts';
import { himmelblau } from '../../src/objectives/library/himmelblau.ts';
import { rastrigin } from '../../src/objectives/library/rastrigin.ts';
import { resolveObjective } from '../../src/objectives/resolve.ts';
import { gridStartSet } from '../../src/starts/grid.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import '../../src/node/register.ts';

beforeAll(async () => {
  await useBackend('cpu');
});

const grid = (box: Array<[number, number]>) => gridStartSet([30, 30], undefined, box);

describe('lr auto', () => {
  it('is 1/L for gd on a quadratic: Booth\'s Hessian [[10, 8], [8, 10]] has largest eigenvalue 18, so α = 1/18 to two digits', async () => {
    const a = await autoStepSize({ f: booth.f, box: booth.box(2), starts: grid(booth.box(2)), optimizer: 'gd' });
    expect(a.lr).toBe(0.056);
    expect(a.rule).toBe('curvature');
    expect(a.why).toMatch(/^1\/L, L = 18 = 95th percentile of the largest Hessian eigenvalue at 256 starts$/);
  });

  it("keeps gd stable at Rastrigin's minima, whose curvature 396.8 is the largest on the box (α·396.8 < 2)", async () => {
    const a = await autoStepSize({ f: rastrigin.f, box: rastrigin.box(2), starts: grid(rastrigin.box(2)), optimizer: 'gd' });
    expect(a.lr * 396.8).toBeLessThan(2);
    // Not needlessly small either: within a factor 2 of 1/396.8, the largest stable-and-monotone step.
    expect(a.lr * 396.8).toBeGreaterThan(0.5);
  });

  it('scales by 1 − β for momentum and nesterov, whose steady step is α/(1 − β)', async () => {
    const a = await autoStepSize({ f: booth.f, box: booth.box(2), starts: grid(booth.box(2)), optimizer: 'momentum', beta: 0.9 });
    expect(a.lr).toBe(0.0056);
  });

  it('is a fraction of the box width for adaptive optimizers, whose step is about α per coordinate', async () => {
    for (const optimizer of ['adam', 'rmsprop', 'adagrad', 'nadam', 'lion'] as const) {
      const a = await autoStepSize({ f: himmelblau.f, box: himmelblau.box(2), starts: grid(himmelblau.box(2)), optimizer });
      expect(a.rule).toBe('box');
      expect(a.lr).toBe(AUTO_BOX_FRACTION * 10);
    }
  });

  it('falls back on the box when f is flat at every sampled start (no curvature bounds the step)', async () => {
    const { objective, box } = await resolveObjective({ fn: '0*x + 0*y + 1', box: '-1,1' });
    const a = await autoStepSize({ f: objective.f, box, starts: grid(box), optimizer: 'gd' });
    expect(a.rule).toBe('box');
    expect(a.why).toMatch(/flat at all 256 sampled starts/);
  });

  it('maps Himmelblau through mapBasins({ lr: "auto" }): every start converges to one of the four minima, and the result says which α ran and why', async () => {
    const box = himmelblau.box(2);
    const starts = grid(box);
    // A deliberately wrong lr in the options: 'auto' replaces it.
    const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 5 }), box, sense: 'min' as const };
    const r = await mapBasins({ objective: himmelblau, starts, descent, engine: 'tfjs', lr: 'auto', classifyLimit: 0 });
    expect(r.stepSize?.lr).toBeGreaterThan(0);
    expect(r.descent.optimizer.lr).toBe(r.stepSize!.lr);
    expect(r.summary.counts.converged).toBe(starts.n);
    expect(r.summary.basins).toHaveLength(4);
  });
});
