import { numberOps } from '../../number-ops.ts';
import type { Transform } from '../transform.ts';

/** Applies transforms in order, each to the previous one's step (optax `chain`). */
export function chain(...parts: Transform[]): Transform {
  // Where each part's state vectors and scalars sit in the chain's concatenated lists. init is
  // pure, so running it on plain numbers counts a part's state without allocating anything.
  const spans = (count: (p: Transform) => number) => {
    let at = 0;
    return parts.map((p) => [at, (at += count(p))] as const);
  };
  const stateAt = spans((p) => p.init(numberOps(), 0).length);
  const scalarsAt = spans((p) => p.scalars(0).length);
  return {
    init: (o, x) => parts.flatMap((p) => p.init(o, x)),
    scalars: (t) => parts.flatMap((p) => p.scalars(t)),
    update: (o, g, state, x, k) => {
      let step = g;
      const next: (typeof g)[] = [];
      parts.forEach((p, i) => {
        const r = p.update(o, step, state.slice(...stateAt[i]), x, k.slice(...scalarsAt[i]));
        step = r.step;
        next.push(...r.state);
      });
      return { step, state: next };
    },
  };
}
