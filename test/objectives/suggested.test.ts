import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCpuPool, compileFused } from '../../kernels/index.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { STATUS } from '../../core/status.ts';
import { useBackend } from '../../src/backends/registry.ts';
import { autoStepSize } from '../../src/descent/step-size.ts';
import { autoLineSearch } from '../../src/descent/line-search-policy.ts';
import { parseExpression } from '../../src/objectives/expression/parse.ts';
import { LIBRARY } from '../../src/objectives/library/index.ts';
import { withDimensionAndBox } from '../../src/objectives/named.ts';
import { fromArray } from '../../src/descent/driver.ts';
import { sobolStartSet } from '../../src/starts/sobol.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';

/**
 * A library function's suggested settings (Objective.suggested) replace the CLI's defaults for
 * it, so they must do what their `why` says: bring (nearly) every start of the box to a minimum,
 * at every dimension the function takes. Checked at d = 2 on a 20 × 20 grid of cell centres and,
 * for the any-d functions, at d = 5 and 10 on 400 Sobol starts, with the map's other defaults, on
 * the fused CPU engine (fast, and an engine `map` picks for library functions). A suggestion
 * without lr is lr auto (with the line search, for gd), settled here as map settles it.
 * The bar, 95 %, is below every figure the notes quote (98 % to 100 % on 2 500 starts).
 */
beforeAll(async () => {
  await useBackend('cpu');
});
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
  for (const base of LIBRARY.filter((f) => f.suggested)) {
    const dims = base.dim === 'any' ? [2, 5, 10] : [base.defaultDim];
    const s = base.suggested!;
    it.each(dims)(`${base.name}: ${s.optimizer ?? 'gd'} lr ${s.lr ?? 'auto'}, ${s.maxIter ?? DESCENT_DEFAULTS.maxIter} iterations bring ≥ 95 % of the box's starts to convergence at d = %i`, async (d) => {
      const o = base.dim === 'any' ? withDimensionAndBox(base, { dim: d }).objective : base;
      const box = o.box(d);
      const x0 = d === 2 ? grid(box, 20) : sobolStartSet(400, 1, box).rows(0, 400);
      const name = s.optimizer ?? 'gd';
      const lr = s.lr ?? (await autoStepSize({ f: o.f, box, starts: fromArray(x0, d), optimizer: name })).lr;
      const lineSearch = s.lr === undefined ? autoLineSearch(name, undefined) : undefined;
      const opts = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec(name, { lr, lineSearch }), maxIter: s.maxIter ?? DESCENT_DEFAULTS.maxIter, box, sense: 'min' as const };
      const runner = await compileFused(parseExpression(base.expression!(d)).expr, d, opts, { target: 'cpu' });
      const r = await runner.run(x0);
      const converged = Array.from(r.status).filter((c) => c === STATUS.gtol.code || c === STATUS.xtol.code).length;
      expect(converged / r.n).toBeGreaterThanOrEqual(0.95);
      expect(s.why.length).toBeGreaterThan(20);
    });
  }
});
