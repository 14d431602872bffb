import { describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { mapBasins, type MapResult } from '../../src/map.ts';
import { STATUS, statusName } from '../../core/status.ts';
import { findLibraryFunction } from '../../src/objectives/library/index.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { makeStartSet } from '../../src/starts/index.ts';
import { AVAILABLE_BACKENDS } from '../support/backends.ts';

/**
 * The same seeded starts on every available backend: end points agree with cpu's, and the basin
 * summaries are identical. Runs in one process, switching backends between maps.
 */
const cases = [
  { name: 'himmelblau', lr: 0.01 },
  { name: 'six-hump-camel', lr: 0.01 },
  // Rastrigin's Hessian reaches 400 at its minima: gd is stable only for lr < 2/400.
  { name: 'rastrigin', lr: 1e-3 },
];
const others = AVAILABLE_BACKENDS.filter((b) => b !== 'cpu');
if (others.length === 0) console.warn('[skip] cross-backend agreement: no backend other than cpu is available');

describe.skipIf(others.length === 0)('every backend gives the same basin map as cpu', () => {
  for (const c of cases) {
    it(`${c.name}: end points within the convergence radius of cpu's, identical summaries, on ${others.join(', ')}`, async () => {
      const o = findLibraryFunction(c.name)!;
      const box = o.box(2);
      const starts = await makeStartSet({ sampler: 'uniform', n: 2000, seed: 42 }, box);
      const run = async (backend: string): Promise<MapResult> => {
        await useBackend(backend);
        return mapBasins({ objective: o, starts, descent: { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: c.lr }), box, sense: 'min', maxIter: 3000 } });
      };
      const ref = await run('cpu');
      for (const backend of others) {
        const got = await run(backend);
        // gtol and xtol may swap where the gradient sits at float32 noise; converged or not may not.
        const outcome = (r: MapResult) => Array.from(r.results.status, (s) => (s <= STATUS.xtol.code ? 'converged' : statusName(s)));
        expect(outcome(got), backend).toEqual(outcome(ref));
        expect(Array.from(got.summary.outcome), backend).toEqual(Array.from(ref.summary.outcome));
        expect(got.summary.basins.map((b) => [b.count, b.global, b.kind]), backend).toEqual(ref.summary.basins.map((b) => [b.count, b.global, b.kind]));
        for (let i = 0; i < ref.results.n; i++) {
          const basin = ref.summary.basins[ref.summary.outcome[i]];
          if (!basin) continue;
          // Both runs stop with ‖∇f‖ ≤ gtol, i.e. within gtol/λ_min of the same minimum (λ_min: the
          // smallest Hessian eigenvalue there, from cpu's classification); so they are at most
          // 2·gtol/λ_min apart, plus float32 rounding of x (a few ulps of |x| ≤ 5.12).
          const bound = (2 * DESCENT_DEFAULTS.gtol) / basin.eigenvalues![0] + 4 * 2 ** -23 * 8;
          for (let j = 0; j < 2; j++) {
            expect(Math.abs(got.results.x[2 * i + j] - ref.results.x[2 * i + j]), `${backend} start ${i}`).toBeLessThanOrEqual(bound);
          }
        }
      }
    });
  }
});
