import type { Transform } from '../transform.ts';

/** RMSProp's g / (sqrt(s) + ε) with s ← ρ·s + (1−ρ)·g² (optax `scale_by_rms`, ε outside the root). */
export function scaleByRms(rho: number, eps: number): Transform {
  return {
    init: (o, x) => [o.zerosLike(x)],
    scalars: () => [],
    update: (o, g, [s]) => {
      const s2 = o.add(o.mul(s, o.c(rho)), o.mul(o.mul(g, g), o.c(1 - rho)));
      return { step: o.div(g, o.add(o.sqrt(s2), o.c(eps))), state: [s2] };
    },
  };
}
