import type { Objective } from '../types.ts';
import { derivedF } from './from-expression.ts';

/**
 * McCormick: f(x, y) = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1.
 * Global minimum f = −√3/2 − π/3 ≈ −1.9132 at (−0.5472, −1.5472), a local minimum and a saddle
 * in [−1.5, 4] × [−3, 4].
 */
export const mccormick: Objective = derivedF({
  name: 'mccormick',
  title: 'McCormick',
  formula: 'sin(x + y) + (x - y)^2 - 1.5 x + 2.5 y + 1',
  expression: () => 'sin(x + y) + (x - y)^2 - 1.5 * x + 2.5 * y + 1',
  dim: 2,
  defaultDim: 2,
  box: () => [[-1.5, 4], [-3, 4]],
  // Exact: adding and subtracting the two gradient equations gives cos(x + y) = −1/2 and x − y = 1.
  // With s = x + y the point is ((s + 1)/2, (s − 1)/2), f = sin s + s/2, and the Hessian's
  // eigenvalues are 4 and −2 sin s. In the box s ∈ [−4, 7]: s = −2π/3, 4π/3 (minima), 2π/3 (saddle).
  known: () => [
    { kind: 'minimum', x: [(1 - (2 * Math.PI) / 3) / 2, (-1 - (2 * Math.PI) / 3) / 2], f: -Math.sqrt(3) / 2 - Math.PI / 3, global: true },
    { kind: 'minimum', x: [(1 + (4 * Math.PI) / 3) / 2, (-1 + (4 * Math.PI) / 3) / 2], f: -Math.sqrt(3) / 2 + (2 * Math.PI) / 3 },
    { kind: 'saddle', x: [(1 + (2 * Math.PI) / 3) / 2, (-1 + (2 * Math.PI) / 3) / 2], f: Math.sqrt(3) / 2 + Math.PI / 3 },
  ],
  source: 'Jamil & Yang (2013); Surjanovic & Bingham, VLSE; stationary points derived here in closed form',
});
