import { defineOptimizer, guard } from './define.ts';
import { chain } from './transforms/chain.ts';
import { scale } from './transforms/scale.ts';
import { scaleByRss } from './transforms/scale-by-rss.ts';

export const adagrad = defineOptimizer({
  name: 'adagrad',
  rule: 's ← s + g²;  x ← x − lr·g / (sqrt(s) + ε)',
  source: 'Duchi, Hazan & Singer (2011); optax adagrad with initial accumulator 0',
  params: { eps: guard(1e-8) },
  make: ({ lr, eps }) => chain(scaleByRss(eps), scale(-lr)),
});
