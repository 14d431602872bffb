import type { Transform } from '../transform.ts';

/** Momentum accumulator v ← β·v + g; the step is v, or β·v + g for Nesterov (optax `trace`). */
export function trace(beta: number, nesterov = false): Transform {
  return {
    init: (o, x) => [o.zerosLike(x)],
    scalars: () => [],
    update: (o, g, [v]) => {
      const v2 = o.add(o.mul(v, o.c(beta)), g);
      const step = nesterov ? o.add(o.mul(v2, o.c(beta)), g) : v2;
      return { step, state: [v2] };
    },
  };
}
