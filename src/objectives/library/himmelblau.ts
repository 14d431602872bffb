import type { Objective } from '../types.ts';
import { derivedF } from './from-expression.ts';

/**
 * Himmelblau's function: f(x, y) = (x² + y − 11)² + (x + y² − 7)².
 * Four global minima with f = 0, four saddles and one local maximum in [−5, 5]².
 */
export const himmelblau: Objective = derivedF({
  name: 'himmelblau',
  title: 'Himmelblau',
  formula: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  expression: () => '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  dim: 2,
  defaultDim: 2,
  box: () => [[-5, 5], [-5, 5]],
  // Stationary points re-derived at 30 digits by dense multistart and root finding, classified by
  // the Hessian's eigenvalues (project reference set, after Himmelblau 1972 and Jamil & Yang 2013).
  known: () => [
    { kind: 'minimum', x: [3, 2], f: 0, global: true },
    { kind: 'minimum', x: [3.58442834033, -1.848126526964], f: 0, global: true },
    { kind: 'minimum', x: [-3.779310253378, -3.283185991286], f: 0, global: true },
    { kind: 'minimum', x: [-2.805118086953, 3.131312518251], f: 0, global: true },
    { kind: 'saddle', x: [3.385154183607, 0.07385187983775], f: 13.31192627040559 },
    { kind: 'saddle', x: [0.0866775045554, 2.884254701175], f: 67.71915008752615 },
    { kind: 'saddle', x: [-3.073025750764, -0.08135304428797], f: 104.0151629175581 },
    { kind: 'saddle', x: [-0.1279613467307, -1.953714980245], f: 178.3372392019275 },
    { kind: 'maximum', x: [-0.2708445906673, -0.92303855648], f: 181.6165215225827 },
  ],
  source: 'Himmelblau, Applied Nonlinear Programming (1972); Jamil & Yang (2013) f85; stationary points re-derived at 30 digits',
});
