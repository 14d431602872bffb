import { decay, defineOptimizer } from './define.ts';
import { chain } from './transforms/chain.ts';
import { scale } from './transforms/scale.ts';
import { trace } from './transforms/trace.ts';

export const momentum = defineOptimizer({
  name: 'momentum',
  rule: 'v ← β·v + g;  x ← x − lr·v',
  source: 'Polyak (1964), the heavy ball; optax trace',
  params: { beta: decay(0.9, 'momentum decay β') },
  make: ({ lr, beta }) => chain(trace(beta), scale(-lr)),
});
