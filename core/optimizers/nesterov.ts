import { decay, defineOptimizer } from './define.ts';
import { chain } from './transforms/chain.ts';
import { scale } from './transforms/scale.ts';
import { trace } from './transforms/trace.ts';

export const nesterov = defineOptimizer({
  name: 'nesterov',
  rule: 'v ← β·v + g;  x ← x − lr·(β·v + g)',
  source: 'Nesterov (1983), in the form of Sutskever et al. (2013); optax trace(nesterov=True)',
  params: { beta: decay(0.9, 'momentum decay β') },
  make: ({ lr, beta }) => chain(trace(beta, true), scale(-lr)),
});
