import type { Objective } from '../types.ts';
import { derivedF } from './from-expression.ts';

/**
 * Eggholder: f(x, y) = −(y + 47) sin(sqrt(|x/2 + y + 47|)) − x sin(sqrt(|x − (y + 47)|)).
 * Very rugged; the global minimum f ≈ −959.6407 lies on the box edge at (512, 404.2318).
 */
export const eggholder: Objective = derivedF({
  name: 'eggholder',
  title: 'Eggholder',
  formula: '-(y + 47) sin(sqrt(|x/2 + y + 47|)) - x sin(sqrt(|x - (y + 47)|))',
  // 1e-20 under each square root keeps autodiff finite where its argument is 0 (there d√s/ds is
  // 1/0), on every engine. f itself is unchanged: |u| + 1e-20 rounds back to |u| in float32 for
  // |u| > 1e-12. The gradient stays very large near those lines, as the true one is unbounded.
  expression: () => '-(y + 47) * sin(sqrt(abs(x / 2 + y + 47) + 1e-20)) - x * sin(sqrt(abs(x - (y + 47)) + 1e-20))',
  dim: 2,
  defaultDim: 2,
  box: () => [[-512, 512], [-512, 512]],
  // On the edge x = 512, so the gradient does not vanish there: ∂f/∂x = −3.386 < 0 points out of
  // the box, and ∂f/∂y = 0. y found here by root finding at 40 digits (Jamil & Yang give 404.2319
  // and −959.6407). The many interior local minima are not listed.
  known: () => [{ kind: 'minimum', x: [512, 404.23180511375781], f: -959.6406627208508, global: true }],
  source: 'Jamil & Yang (2013); Surjanovic & Bingham, VLSE; y* and f* computed here at 40 digits',
  notes: 'Not smooth on the lines x/2 + y + 47 = 0 and x − y − 47 = 0. The global minimum is a box-edge (KKT) point, not a stationary point.',
  suggested: { lr: 0.01, maxIter: 20000, why: 'its long slopes take up to 19 000 iterations at lr 0.01; 99.7 % of a 50 × 50 grid on the box converges within 20 000' },
});
