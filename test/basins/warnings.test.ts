import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { failureWarnings } from '../../src/basins/warnings.ts';
import { basinTable } from '../../src/cli/basin-table.ts';
import { fromArray } from '../../src/descent/driver.ts';
import { mapBasins } from '../../src/map.ts';
import { resolveObjective } from '../../src/objectives/resolve.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import '../../src/node/register.ts';

beforeAll(async () => {
  await useBackend('cpu');
});

/**
 * f = x²/2 + x⁴/4 on [−10, 10] with gd at lr 0.1: the step is x − 0.1·(x + x³), which contracts
 * near 0 (curvature 1) and overshoots without bound once 0.1·x² ≳ 2, so a start at x = 1 converges
 * and one at x = 8 diverges (checked by the run itself below). The shares of failed starts are
 * set by how many starts sit at 8.
 */
async function run(failing: number, total: number, maxIter: number = DESCENT_DEFAULTS.maxIter) {
  const { objective, box } = await resolveObjective({ fn: 'x^2/2 + x^4/4', box: '-10,10' });
  const x0 = Float32Array.from({ length: total }, (_, i) => (i < failing ? 8 : 1));
  const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.1 }), maxIter, box, sense: 'min' as const };
  const r = await mapBasins({ objective, starts: fromArray(x0, 1), descent, engine: 'tfjs', classifyLimit: 0 });
  return { r, warnings: failureWarnings(r.summary, { descent }) };
}

describe('the failed-starts warning', () => {
  it('is absent when every start converges (0 %)', async () => {
    const { r, warnings } = await run(0, 100);
    expect(r.summary.counts.converged).toBe(100);
    expect(warnings).toEqual([]);
    expect(basinTable(r.summary, [], warnings)).not.toMatch(/warning/);
  });

  it('appears at 3 % diverged, as the last line of the table, saying how many, what it means and to halve α', async () => {
    const { r, warnings } = await run(3, 100);
    expect(r.summary.counts.diverged).toBe(3);
    expect(warnings).toEqual([
      'warning: 3 of 100 starts (3.0%) did not converge (3 diverged): the basins account for only 97% of the starts ' +
        '(fractions are of all starts) and grey on the map is where the basin is unknown; try --lr 0.05 (half of 0.1): diverging starts step too far',
    ]);
    const table = basinTable(r.summary, [], warnings).split('\n');
    expect(table.at(-1)).toBe(warnings[0]);
    expect(warnings[0].length).toBeLessThan(300);
  });

  it('appears at 50 % diverged', async () => {
    const { r, warnings } = await run(50, 100);
    expect(r.summary.counts.diverged).toBe(50);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: 50 of 100 starts \(50%\) did not converge \(50 diverged\): .*try --lr 0\.05/);
  });

  it('replaces the all-fail hint at 100 %: starts that run out of iterations are told to raise --max-iter (4×) or let lr auto set the step', async () => {
    // Two iterations cannot bring x = 1 to |f'| ≤ 1e-4.
    const { r, warnings } = await run(0, 100, 2);
    expect(r.summary.counts.maxiter).toBe(100);
    expect(warnings).toEqual([
      'warning: 100 of 100 starts (100%) did not converge (100 stopped at max iterations): there is no map; ' +
        'try --max-iter 8, or --lr auto (a step from the curvature, then a line search per start), or --optimizer adam',
    ]);
    expect(basinTable(r.summary, [], warnings)).toBe(
      `no start converged, so there is no end point to map (converged 0, max iterations 100, diverged 0)\n${warnings[0]}`,
    );
  });

  it('stays quiet at the threshold (2 of 100) and does not suggest lr auto to a run that used it', async () => {
    expect((await run(2, 100)).warnings).toEqual([]);
    const descent = { optimizer: optimizerSpec('gd', { lr: 0.1 }), maxIter: 10 };
    const [w] = failureWarnings({ counts: { converged: 50, maxiter: 50, diverged: 0, interrupted: 0 } }, { descent, lrAuto: true });
    expect(w).toMatch(/try --max-iter 40, or --optimizer adam/);
    expect(w).not.toMatch(/--lr auto/);
  });

  it('under the line search, tells stalled starts to take more iterations, and starts that leave the box to stay in it: no α advice', async () => {
    // f = −x² on [−1, 1] falls without bound: the line search follows it out of the box (its BB
    // step doubles where the curvature along the step is negative), a real escape, not an overshoot.
    const { objective, box } = await resolveObjective({ fn: '-x^2', box: '-1,1' });
    const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.1, lineSearch: 'armijo' }), box, sense: 'min' as const };
    const r = await mapBasins({ objective, starts: fromArray(Float32Array.from([0.5, -0.25, 0.75]), 1), descent, engine: 'tfjs', classifyLimit: 0 });
    expect(r.summary.counts.diverged).toBe(3);
    expect(failureWarnings(r.summary, { descent, lrAuto: true })).toEqual([
      'warning: 3 of 3 starts (100%) did not converge (3 diverged): there is no map; try --bounds clip: with the line search a start leaves the box by following f downhill, not by overshooting',
    ]);
    const [w] = failureWarnings({ counts: { converged: 50, maxiter: 50, diverged: 0, interrupted: 0 } }, { descent: { ...descent, maxIter: 10 }, lrAuto: true });
    expect(w).toMatch(/; try --max-iter 40$/);
  });
});
