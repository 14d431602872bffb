import type { Objective } from '../types.ts';
import { derivedF } from './from-expression.ts';

/**
 * Matyas: f(x, y) = 0.26(x² + y²) − 0.48xy.
 * A convex quadratic with Hessian eigenvalues 0.04 and 1: one minimum, f = 0 at (0, 0), at the
 * end of a flat valley along x = y.
 */
export const matyas: Objective = derivedF({
  name: 'matyas',
  title: 'Matyas',
  formula: '0.26 (x^2 + y^2) - 0.48 x y',
  expression: () => '0.26 * (x^2 + y^2) - 0.48 * x * y',
  dim: 2,
  defaultDim: 2,
  box: () => [[-10, 10], [-10, 10]],
  known: () => [{ kind: 'minimum', x: [0, 0], f: 0, global: true }],
  source: 'Jamil & Yang (2013); Surjanovic & Bingham, VLSE; f* re-derived at 30 digits',
  notes: 'The smallest Hessian eigenvalue is 0.04 (along x = y): plain gradient descent converges slowly there.',
  suggested: { lr: 0.5, why: 'the Hessian\'s eigenvalues are 1 and 0.04: lr 0.01 needs ~20 000 iterations, while lr 0.5 (stable below 2) brings every start of a 50 × 50 grid on the box to the minimum within 430' },
});
