import { decay, defineOptimizer, guard } from './define.ts';
import { chain } from './transforms/chain.ts';
import { scale } from './transforms/scale.ts';
import { scaleByRms } from './transforms/scale-by-rms.ts';

export const rmsprop = defineOptimizer({
  name: 'rmsprop',
  rule: 's ← ρ·s + (1−ρ)·g²;  x ← x − lr·g / (sqrt(s) + ε)',
  source: 'Tieleman & Hinton (2012), lecture 6.5; optax rmsprop',
  params: { rho: decay(0.9, 'decay ρ'), eps: guard(1e-8) },
  make: ({ lr, rho, eps }) => chain(scaleByRms(rho, eps), scale(-lr)),
});
