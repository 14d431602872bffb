import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { descend, fromArray } from '../../src/descent/run.ts';
import { parseExpression } from '../../src/objectives/expression/parse.ts';
import { exprToTfjs } from '../../src/objectives/expression/to-tfjs.ts';
import type { OptimizerName } from '../../src/optimizers/spec.ts';
import { runFused as runReference } from '../../kernels/reference.ts';
import { pointsIn } from './support/expressions.ts';
import { descentOptions } from './support/oracle.ts';

/**
 * The reference engine is the project's tfjs engine (src/descent/run.ts) with a termination check
 * at every step: on the same backend the two give identical results, start for start.
 */
beforeAll(async () => {
  await useBackend('cpu');
});

describe('reference engine = src/descent descend() with checkEvery 1', () => {
  const cases: Array<[OptimizerName, number, 'min' | 'max']> = [['gd', 0.01, 'min'], ['adam', 0.05, 'min'], ['nesterov', 0.004, 'max']];
  for (const [name, lr, sense] of cases) {
    it(`${name}, sense ${sense}`, async () => {
      const formula = sense === 'min' ? '(x^2+y-11)^2+(x+y^2-7)^2' : '-((x^2+y-11)^2+(x+y^2-7)^2)';
      const expr = parseExpression(formula).expr;
      const box: Array<[number, number]> = [[-5, 5], [-5, 5]];
      const opts = descentOptions(box, name, lr, { maxIter: 300, sense });
      const x0 = pointsIn(box, 32, 3);
      x0.set([60, 0, 1e10, 1], 0);
      const ours = await runReference(expr, 2, x0, opts);
      const theirs = await descend(exprToTfjs(expr), fromArray(x0, 2), opts, { checkEvery: 1 });
      expect(Array.from(ours.status)).toEqual(Array.from(theirs.status));
      expect(Array.from(ours.nit)).toEqual(Array.from(theirs.nit));
      expect(Array.from(ours.x)).toEqual(Array.from(theirs.x));
      expect(Array.from(ours.gradNorm)).toEqual(Array.from(theirs.gradNorm));
    });
  }
});
