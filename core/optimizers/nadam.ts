import { decay, defineOptimizer, guard } from './define.ts';
import { chain } from './transforms/chain.ts';
import { scale } from './transforms/scale.ts';
import type { Transform } from './transform.ts';

/**
 * Nadam's direction (Dozat 2016, "Incorporating Nesterov Momentum into Adam", in the form optax's
 * scale_by_adam(nesterov=True) and PyTorch's NAdam without momentum decay use), t 1-based:
 *   m ← β1·m + (1−β1)·g;  s ← β2·s + (1−β2)·g²
 *   m̂ = β1·m / (1 − β1^(t+1)) + (1−β1)·g / (1 − β1^t);  ŝ = s / (1 − β2^t)
 *   step direction m̂ / (sqrt(ŝ) + ε)
 * The look-ahead replaces Adam's m/(1−β1^t) by the momentum one step ahead plus the current
 * gradient's share, each with its own bias correction.
 */
export function scaleByNadam(beta1: number, beta2: number, eps: number): Transform {
  return {
    init: (o, x) => [o.zerosLike(x), o.zerosLike(x)],
    scalars: (t) => [1 - beta1 ** (t + 2), 1 - beta1 ** (t + 1), 1 - beta2 ** (t + 1)],
    update: (o, g, [m, s], _x, [ahead, now, c2]) => {
      const m2 = o.add(o.mul(m, o.c(beta1)), o.mul(g, o.c(1 - beta1)));
      const s2 = o.add(o.mul(s, o.c(beta2)), o.mul(o.mul(g, g), o.c(1 - beta2)));
      const mHat = o.add(o.mul(o.div(m2, ahead), o.c(beta1)), o.mul(o.div(g, now), o.c(1 - beta1)));
      const step = o.div(mHat, o.add(o.sqrt(o.div(s2, c2)), o.c(eps)));
      return { step, state: [m2, s2] };
    },
  };
}

export const nadam = defineOptimizer({
  name: 'nadam',
  rule: 'm ← β1·m + (1−β1)·g;  s ← β2·s + (1−β2)·g²;  x ← x − lr·(β1·m/(1−β1^(t+1)) + (1−β1)·g/(1−β1^t)) / (sqrt(s/(1−β2^t)) + ε)',
  source: 'Dozat (2016), Incorporating Nesterov momentum into Adam (ICLR workshop); optax nadam',
  params: { beta1: decay(0.9, 'first-moment decay β1'), beta2: decay(0.999, 'second-moment decay β2'), eps: guard(1e-8) },
  make: ({ lr, beta1, beta2, eps }) => chain(scaleByNadam(beta1, beta2, eps), scale(-lr)),
});
