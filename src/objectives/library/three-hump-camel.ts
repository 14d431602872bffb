import type { Objective } from '../types.ts';
import { derivedF } from './from-expression.ts';

/**
 * Three-hump camel: f(x, y) = 2x² − 1.05x⁴ + x⁶/6 + xy + y².
 * Global minimum f = 0 at (0, 0), two local minima and two saddles in [−5, 5]².
 */
export const threeHumpCamel: Objective = derivedF({
  name: 'three-hump-camel',
  title: 'Three-hump camel',
  formula: '2 x^2 - 1.05 x^4 + x^6/6 + x y + y^2',
  expression: () => '2 * x^2 - 1.05 * x^4 + x^6 / 6 + x * y + y^2',
  dim: 2,
  defaultDim: 2,
  box: () => [[-5, 5], [-5, 5]],
  // ∂f/∂y = 0 gives y = −x/2, then ∂f/∂x = x(x⁴ − 4.2x² + 3.5) = 0: x = 0 or x² = (4.2 ± √3.64)/2.
  // Values at 40 digits here, classified by the Hessian's eigenvalues.
  known: () => [
    { kind: 'minimum', x: [0, 0], f: 0, global: true },
    { kind: 'minimum', x: [-1.7475523458302889, 0.87377617291514445], f: 0.29863844223685982 },
    { kind: 'minimum', x: [1.7475523458302889, -0.87377617291514445], f: 0.29863844223685982 },
    { kind: 'saddle', x: [-1.07054229182366, 0.53527114591182999], f: 0.87736155776314018 },
    { kind: 'saddle', x: [1.07054229182366, -0.53527114591182999], f: 0.87736155776314018 },
  ],
  source: 'Jamil & Yang (2013); Surjanovic & Bingham, VLSE; stationary points computed here at 40 digits',
  suggested: { lr: 3e-3, maxIter: 3000, why: 'the x⁶ walls make lr 0.01 diverge from 20 % of the box; at lr 3e-3 every start of a 50 × 50 grid on the box converges within 2 600 iterations' },
});
