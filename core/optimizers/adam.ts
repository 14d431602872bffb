import { decay, defineOptimizer, guard } from './define.ts';
import { chain } from './transforms/chain.ts';
import { scale } from './transforms/scale.ts';
import { scaleByAdam } from './transforms/scale-by-adam.ts';

export const adam = defineOptimizer({
  name: 'adam',
  rule: 'm ← β1·m + (1−β1)·g;  s ← β2·s + (1−β2)·g²;  x ← x − lr·(m/(1−β1^t)) / (sqrt(s/(1−β2^t)) + ε)',
  source: 'Kingma & Ba (2015); optax adam',
  params: { beta1: decay(0.9, 'first-moment decay β1'), beta2: decay(0.999, 'second-moment decay β2'), eps: guard(1e-8) },
  make: ({ lr, beta1, beta2, eps }) => chain(scaleByAdam(beta1, beta2, eps), scale(-lr)),
});
