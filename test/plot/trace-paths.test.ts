import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { tracePaths } from '../../src/descent/trace.ts';
import { himmelblau } from '../../src/objectives/library/himmelblau.ts';
import { poly1d } from '../../src/objectives/library/poly1d.ts';
import { DESCENT_DEFAULTS, type DescentOptions } from '../../core/options.ts';
import { optimizerSpec, type OptimizerSpec } from '../../core/optimizers/index.ts';
import type { Objective } from '../../src/objectives/types.ts';
import { tf } from '../../core/tf.ts';

// Roots of f'(x) = 4x³ − 8x + 1 for f = x⁴ − 4x² + x (double-precision Newton).
const LOCAL_MIN = 1.3469974085277738;
const GLOBAL_MIN = -1.4729976011140301;
const gd = optimizerSpec('gd', { lr: 0.01 });

/** The trace command's descent options: the function's box, at most `iters` steps. */
function along(o: Objective, x0s: number[][], optimizer: OptimizerSpec, iters: number, over: Partial<DescentOptions> = {}) {
  return tracePaths(o, x0s, { ...DESCENT_DEFAULTS, optimizer, box: o.box(x0s[0].length), maxIter: iters, sense: 'min', ...over });
}

beforeAll(async () => {
  await useBackend('cpu');
});

describe('tracePaths', () => {
  it('rolls poly1d from 2 into the local minimum and from -2 into the global one', async () => {
    const r = await along(poly1d, [[2], [-2]], gd, 100);
    const end = (k: number) => r.x[k][r.x[k].length - 1][0];
    // Stopped at ‖f'‖ ≤ gtol = 1e-4 with f'' = 13.77 and 18.04 there: |x − x*| ≤ 1e-4 / 13.77 ≈ 7.3e-6,
    // plus float32 rounding of x (~1e-7). Tolerance 1e-5.
    expect(Math.abs(end(0) - LOCAL_MIN)).toBeLessThan(1e-5);
    expect(Math.abs(end(1) - GLOBAL_MIN)).toBeLessThan(1e-5);
    expect(r.stop).toEqual(['gtol', 'gtol']);
  });

  it('records every iterate of plain gradient descent, starting at x0', async () => {
    const r = await along(poly1d, [[2]], gd, 3, { gtol: 0, xtol: 0 });
    expect(r.stop).toEqual(['maxiter']);
    expect(r.x[0]).toHaveLength(4);
    // x ← x − 0.01·f'(x), f'(x) = 4x³ − 8x + 1, in float64 (float32 agrees to ~1e-6).
    let x = 2;
    for (let t = 0; t < 4; t++) {
      expect(r.x[0][t][0]).toBeCloseTo(x, 5);
      expect(r.f[0][t]).toBeCloseTo(x ** 4 - 4 * x ** 2 + x, 4);
      expect(r.gradNorm[0][t]).toBeCloseTo(Math.abs(4 * x ** 3 - 8 * x + 1), 3);
      x -= 0.01 * (4 * x ** 3 - 8 * x + 1);
    }
    // Downhill all the way with this small step.
    for (let t = 1; t < 4; t++) expect(r.f[0][t]).toBeLessThan(r.f[0][t - 1]);
  });

  it('ends each path on its own: a converged path stops while others go on', async () => {
    const r = await along(himmelblau, [[3, 2], [0, 0]], gd, 500);
    expect(r.x[0]).toHaveLength(1); // already at a minimum: gradient 0 at step 0
    expect(r.stop[0]).toBe('gtol');
    expect(r.x[1].length).toBeGreaterThan(10);
    const last = r.x[1][r.x[1].length - 1];
    expect(Math.hypot(last[0] - 3, last[1] - 2)).toBeLessThan(1e-3);
  });

  it('ends a path that blows up where map would, as diverged, and keeps what it recorded before', async () => {
    // From 3 with lr 1: x1 = 3 − f'(3) = −82, beyond 10 half-widths of poly1d's box [−3, 3].
    const r = await along(poly1d, [[3]], optimizerSpec('gd', { lr: 1 }), 50);
    expect(r.stop).toEqual(['escaped']);
    expect(r.x[0]).toEqual([[3], [-82]]);
  });

  it('runs stateful optimizers and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const r = await along(himmelblau, [[0, 0], [-1, -1]], optimizerSpec('adam', { lr: 0.1 }), 40);
    expect(r.x.every((p) => p.length > 1)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
