import type { Objective } from '../types.ts';
import { derivedF } from './from-expression.ts';

/**
 * Beale: f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)².
 * One minimum, f = 0 at (3, 0.5), and two saddles in [−4.5, 4.5]².
 */
export const beale: Objective = derivedF({
  name: 'beale',
  title: 'Beale',
  formula: '(1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2',
  expression: () => '(1.5 - x + x * y)^2 + (2.25 - x + x * y^2)^2 + (2.625 - x + x * y^3)^2',
  dim: 2,
  defaultDim: 2,
  box: () => [[-4.5, 4.5], [-4.5, 4.5]],
  // Stationary points re-derived at 30 digits by dense multistart and root finding, classified by
  // the Hessian's eigenvalues (project reference set, after Jamil & Yang 2013).
  known: () => [
    { kind: 'minimum', x: [3, 0.5], f: 0, global: true },
    { kind: 'saddle', x: [0.1005379373242, -2.644513585023], f: 9.86451228475556 },
    { kind: 'saddle', x: [0, 1], f: 14.203125 },
  ],
  source: 'Beale (1958); Jamil & Yang (2013); Surjanovic & Bingham, VLSE; stationary points re-derived at 30 digits',
  notes:
    'f is constant (14.203125) along the whole line x = 0, where ∂f/∂y vanishes; the saddle (0, 1) lies on it. ' +
    'No one setting converges from most of the box (measured on a 50 × 50 grid: gd lr 0.01 diverges from 65 %; adam lr 0.3 converges 76 % within 20 000 iterations), so none is suggested.',
});
