import type { Objective } from '../types.ts';
import { derivedF } from './from-expression.ts';

/**
 * Booth: f(x, y) = (x + 2y − 7)² + (2x + y − 5)².
 * A convex quadratic: its one stationary point is the global minimum, f = 0 at (1, 3).
 */
export const booth: Objective = derivedF({
  name: 'booth',
  title: 'Booth',
  formula: '(x + 2 y - 7)^2 + (2 x + y - 5)^2',
  expression: () => '(x + 2 * y - 7)^2 + (2 * x + y - 5)^2',
  dim: 2,
  defaultDim: 2,
  box: () => [[-10, 10], [-10, 10]],
  // Project reference set (re-derived at 30 digits), after Jamil & Yang 2013.
  known: () => [{ kind: 'minimum', x: [1, 3], f: 0, global: true }],
  source: 'Jamil & Yang (2013); Surjanovic & Bingham, VLSE; stationary points re-derived at 30 digits',
});
