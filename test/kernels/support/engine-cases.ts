import { parseExpression } from '../../../src/objectives/expression/parse.ts';
import type { OptimizerName } from '../../../core/optimizers/index.ts';
import { pointsIn } from './expressions.ts';

/** The full-run cases both fused engines are held to against the reference engine. */
export const HIMMELBLAU = parseExpression('(x^2+y-11)^2+(x+y^2-7)^2').expr;
export const BOX: Array<[number, number]> = [[-5, 5], [-5, 5]];
/** Per optimizer, a learning rate at which Himmelblau's starts converge in a few hundred steps. */
// lion moves every coordinate by exactly lr, so it circles a minimum at amplitude ~lr: its starts
// mostly end at maxIter, which still compares whole trajectories.
export const LR: Record<OptimizerName, number> = { gd: 0.01, momentum: 0.004, nesterov: 0.004, adam: 0.05, rmsprop: 0.01, adagrad: 0.5, nadam: 0.05, lion: 0.01 };

/**
 * n seeded starts in BOX, the first three special: escaped at t = 0 (|x| > 10 half-widths),
 * non-finite at t = 0 (f overflows float32), and exactly at a minimum (gtol at t = 0).
 */
export function starts(n: number): Float32Array {
  const x0 = pointsIn(BOX, n, 7);
  x0.set([60, 0, 1e10, 1, 3, 2], 0);
  return x0;
}
