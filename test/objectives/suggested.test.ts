import { afterAll, describe, expect, it } from 'vitest';
import { closeCpuPool, compileFused } from '../../kernels/index.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { STATUS } from '../../core/status.ts';
import { parseExpression } from '../../src/objectives/expression/parse.ts';
import { LIBRARY } from '../../src/objectives/library/index.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';

/**
 * A library function's suggested settings (Objective.suggested) replace the CLI's defaults for
 * it, so they must do what their `why` says: bring (nearly) every start of the box to a minimum.
 * Checked on a 20 × 20 grid of cell centres at the default dimension, with the map's other
 * defaults, on the fused CPU engine (fast, and the engine `map` picks for library functions).
 * The bar, 95 %, is below every figure the notes quote (98 % to 100 % on a 50 × 50 grid).
 */
afterAll(async () => {
  await closeCpuPool();
});

function grid(box: Array<[number, number]>, per: number): Float32Array {
  const d = box.length;
  const out = new Float32Array(per ** d * d);
  for (let k = 0; k < per ** d; k++) {
    for (let j = 0, r = k; j < d; j++, r = Math.floor(r / per)) out[k * d + j] = box[j][0] + ((box[j][1] - box[j][0]) * ((r % per) + 0.5)) / per;
  }
  return out;
}

describe('suggested descent settings', () => {
  for (const o of LIBRARY.filter((f) => f.suggested)) {
    it(`${o.name}: ${o.suggested!.optimizer ?? 'gd'} lr ${o.suggested!.lr}, ${o.suggested!.maxIter ?? DESCENT_DEFAULTS.maxIter} iterations bring ≥ 95 % of a 20 × 20 grid to convergence`, async () => {
      const s = o.suggested!;
      const d = o.defaultDim;
      const box = o.box(d);
      const opts = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec(s.optimizer ?? 'gd', { lr: s.lr }), maxIter: s.maxIter ?? DESCENT_DEFAULTS.maxIter, box, sense: 'min' as const };
      const runner = await compileFused(parseExpression(o.expression!(d)).expr, d, opts, { target: 'cpu' });
      const r = await runner.run(grid(box, 20));
      const converged = Array.from(r.status).filter((c) => c === STATUS.gtol.code || c === STATUS.xtol.code).length;
      expect(converged / r.n).toBeGreaterThanOrEqual(0.95);
      expect(s.why.length).toBeGreaterThan(20);
    });
  }
});
