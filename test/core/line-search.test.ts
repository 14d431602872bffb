import { beforeAll, describe, expect, it } from 'vitest';
import { DESCENT_DEFAULTS, type DescentOptions } from '../../core/options.ts';
import { optimizerSpec, type LineSearch } from '../../core/optimizers/index.ts';
import { STATUS } from '../../core/status.ts';
import { useBackend } from '../../src/backends/registry.ts';
import { fromArray, runStarts } from '../../src/descent/driver.ts';
import { findEngine } from '../../src/engines/registry.ts';
import '../../src/node/register.ts';
import { resolveObjective } from '../../src/objectives/resolve.ts';

beforeAll(async () => {
  await useBackend('cpu');
});

/** One start descended by gd on the tfjs engine (every step tested), with or without the line search. */
async function descend(fn: string, box: string, x0: number[], lr: number, lineSearch: LineSearch, maxIter = 5000, sense: 'min' | 'max' = 'min') {
  const d = x0.length;
  const [lo, hi] = box.split(',').map(Number);
  const { objective } = await resolveObjective({ fn, box: Array.from({ length: d }, () => box).join(',') });
  const descent: DescentOptions = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr, lineSearch }), box: Array.from({ length: d }, () => [lo, hi] as [number, number]), sense, maxIter };
  const compiled = await findEngine('tfjs')!.compile({ objective, d, descent, dtype: 'float32' }, { backend: 'cpu' });
  const r = await runStarts(compiled, fromArray(Float32Array.from(x0), d), maxIter, { checkEvery: 1 });
  return { x: [...r.x], nit: r.nit[0], status: r.status[0] };
}

describe('gd with the armijo line search', () => {
  it('takes lr as its first trial step: on x² with lr 0.5 the first trial is the minimum itself', async () => {
    // (box −10,10: the longest trial step, a quarter of its width, is 5 ≥ the 3 this one takes)
    const r = await descend('x^2', '-10,10', [3], 0.5, 'armijo');
    expect(r.x[0]).toBe(0);
    expect(r.nit).toBe(1);
  });

  it('follows the curvature along its path (Barzilai–Borwein): an ill-conditioned bowl in tens of iterations where α = 1/L needs hundreds', async () => {
    // Eigenvalues 1 and 100: gd at α = 1/100 contracts the flat direction by 0.99 a step, so ‖g‖
    // from 1 to 1e-4 takes ln(1e4)/0.01 ≈ 920 steps; BB steps adapt to both curvatures.
    const bowl = '(x^2 + 100*y^2)/2';
    const search = await descend(bowl, '-2,2', [1, 1], 0.01, 'armijo');
    const fixed = await descend(bowl, '-2,2', [1, 1], 0.01, 'none');
    expect(search.status).toBe(fixed.status);
    expect(fixed.nit).toBeGreaterThan(800);
    expect(search.nit).toBeLessThan(100);
    // Both end within gtol / λ_min = 1e-4 of the minimum at the origin.
    for (const r of [search, fixed]) expect(Math.hypot(r.x[0], r.x[1])).toBeLessThan(1e-4);
  });

  it('brings Rosenbrock\'s classic start (−1.2, 1) to (1, 1) within 1000 iterations, where the fixed α stable on its walls has not in 5000', async () => {
    const rosen = '100*(y - x^2)^2 + (1 - x)^2';
    // α = 1e-3 is stable at (−1.2, 1) (largest curvature there ≈ 1.6e3 < 2/α) but creeps along the valley.
    const search = await descend(rosen, '-2,2', [-1.2, 1], 1e-3, 'armijo', 1000);
    const fixed = await descend(rosen, '-2,2', [-1.2, 1], 1e-3, 'none', 5000);
    expect(fixed.status).toBe(STATUS.maxiter.code);
    // gtol or xtol (a step float32 cannot resolve at x): both are converged.
    expect(Object.values(STATUS).find((st) => st.code === search.status)!.converged).toBe(true);
    // ‖g‖ ≤ 1e-4 with the smallest Hessian eigenvalue ≈ 0.4 at (1, 1): within ~2.5e-4 of it.
    expect(Math.hypot(search.x[0] - 1, search.x[1] - 1)).toBeLessThan(1e-3);
  });

  it('rejects trials that do not decrease f enough: a start beside a steep wall is not thrown out of the box', async () => {
    // x⁶ walls: at x0 = 4.9 the curvature is 30·4.9⁴ ≈ 1.7e4, so lr 0.1 overshoots to ~−3e4 (escape);
    // backtracking halves the trial until f decreases.
    const r = await descend('x^6/6 + x^2', '-5,5', [4.9], 0.1, 'armijo');
    const fixed = await descend('x^6/6 + x^2', '-5,5', [4.9], 0.1, 'none');
    expect(fixed.status).not.toBe(r.status);
    expect(Math.abs(r.x[0])).toBeLessThan(1e-3);
  });

  it('climbs under --maximize: its test compares the value being ascended, −f descended', async () => {
    // On a quadratic BB's step after the first trial is exactly 1/curvature: the maximum at the
    // third evaluation (nit 2). Were f compared unnegated, every uphill trial would look like an
    // increase and be refused, and the start would creep up within the test's 1e-6·|C| slack
    // (measured: 22 iterations).
    const r = await descend('3 - (x - 1)^2', '-10,10', [4], 0.1, 'armijo', 1000, 'max');
    expect(Object.values(STATUS).find((st) => st.code === r.status)!.converged).toBe(true);
    expect(r.nit).toBeLessThanOrEqual(3);
    // ‖g‖ ≤ 1e-4 with curvature 2: within 5e-5 of the maximum.
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-4);
  });
});
