import { decay, defineOptimizer } from './define.ts';
import { chain } from './transforms/chain.ts';
import { scale } from './transforms/scale.ts';
import type { Transform } from './transform.ts';

/**
 * Lion's direction (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", Algorithm 2
 * without weight decay; optax scale_by_lion):
 *   c = β1·m + (1−β1)·g;  direction sign(c);  m ← β2·m + (1−β2)·g
 * The interpolation that is signed (β1) and the one that is kept (β2) use different decays. Every
 * coordinate moves by exactly lr (or 0 where c = 0), so a start settles into a cycle of size ~lr
 * around a minimum: it converges by gtol only where that cycle's gradient falls below gtol.
 * sign(NaN) is NaN, so a non-finite gradient still diverges.
 */
export function scaleByLion(beta1: number, beta2: number): Transform {
  return {
    init: (o, x) => [o.zerosLike(x)],
    scalars: () => [],
    update: (o, g, [m]) => {
      const c = o.add(o.mul(m, o.c(beta1)), o.mul(g, o.c(1 - beta1)));
      const sign = o.sel(o.gt(c, o.c(0)), o.c(1), o.sel(o.lt(c, o.c(0)), o.c(-1), c));
      const m2 = o.add(o.mul(m, o.c(beta2)), o.mul(g, o.c(1 - beta2)));
      return { step: sign, state: [m2] };
    },
  };
}

export const lion = defineOptimizer({
  name: 'lion',
  rule: 'c = β1·m + (1−β1)·g;  x ← x − lr·sign(c);  m ← β2·m + (1−β2)·g',
  source: 'Chen et al. (2023), Symbolic discovery of optimization algorithms (NeurIPS), Algorithm 2 without weight decay; optax lion',
  params: { beta1: decay(0.9, 'interpolation β1 of the signed update'), beta2: decay(0.99, 'momentum decay β2') },
  make: ({ lr, beta1, beta2 }) => chain(scaleByLion(beta1, beta2), scale(-lr)),
});
