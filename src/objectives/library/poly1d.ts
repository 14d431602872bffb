import type { Objective } from '../types.ts';
import { derivedF } from './from-expression.ts';

/**
 * A tilted double well in one variable: f(x) = x⁴ − 4x² + x.
 * The tilt makes the left well (x ≈ −1.473) global and the right one (x ≈ 1.347) local, with a
 * maximum between them: the smallest example of two basins.
 */
export const poly1d: Objective = derivedF({
  name: 'poly1d',
  title: 'Tilted double well (1-D)',
  formula: 'x^4 - 4 x^2 + x',
  expression: () => 'x^4 - 4 * x^2 + x',
  dim: 1,
  defaultDim: 1,
  box: () => [[-3, 3]],
  // The three real roots of f'(x) = 4x³ − 8x + 1, by Newton's method at 40 digits (this project);
  // f'' = 12x² − 8 is 18.04, −7.81 and 13.77 there.
  known: () => [
    { kind: 'minimum', x: [-1.4729976011140301], f: -5.4441920666108975, global: true },
    { kind: 'maximum', x: [0.12600019258625611], f: 0.062748047376144825 },
    { kind: 'minimum', x: [1.346997408527774], f: -2.6185559807652474 },
  ],
  source: 'Textbook tilted double well (this project); stationary points computed here at 40 digits',
});
