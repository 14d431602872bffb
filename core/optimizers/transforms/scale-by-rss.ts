import type { Transform } from '../transform.ts';

/** Adagrad's g / (sqrt(s) + ε) with s ← s + g², the root of the sum of squares (optax `scale_by_rss`). */
export function scaleByRss(eps: number): Transform {
  return {
    init: (o, x) => [o.zerosLike(x)],
    scalars: () => [],
    update: (o, g, [s]) => {
      const s2 = o.add(s, o.mul(g, g));
      return { step: o.div(g, o.add(o.sqrt(s2), o.c(eps))), state: [s2] };
    },
  };
}
