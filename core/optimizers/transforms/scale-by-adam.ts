import type { Transform } from '../transform.ts';

/**
 * Adam's bias-corrected m̂ / (sqrt(ŝ) + ε), before the learning rate (optax `scale_by_adam`):
 * m ← β1·m + (1−β1)·g, s ← β2·s + (1−β2)·g², m̂ = m / (1 − β1^t), ŝ = s / (1 − β2^t), t 1-based.
 */
export function scaleByAdam(beta1: number, beta2: number, eps: number): Transform {
  return {
    init: (o, x) => [o.zerosLike(x), o.zerosLike(x)],
    scalars: (t) => [1 - beta1 ** (t + 1), 1 - beta2 ** (t + 1)],
    update: (o, g, [m, s], _x, [c1, c2]) => {
      const m2 = o.add(o.mul(m, o.c(beta1)), o.mul(g, o.c(1 - beta1)));
      const s2 = o.add(o.mul(s, o.c(beta2)), o.mul(o.mul(g, g), o.c(1 - beta2)));
      const step = o.div(o.div(m2, c1), o.add(o.sqrt(o.div(s2, c2)), o.c(eps)));
      return { step, state: [m2, s2] };
    },
  };
}
