import { defineOptimizer } from './define.ts';
import { scale } from './transforms/scale.ts';

export const gd = defineOptimizer({
  name: 'gd',
  rule: 'x ← x − lr·g',
  source: 'Cauchy (1847): plain gradient descent with a fixed step',
  params: {},
  make: ({ lr }) => scale(-lr),
});
