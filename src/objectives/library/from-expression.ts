import { parseExpression } from '../expression/parse.ts';
import { exprToTfjs } from '../expression/to-tfjs.ts';
import type { Objective, ObjectiveFn } from '../types.ts';

/**
 * A library function spelled once, as its expression: the tfjs graph is derived from it (per
 * dimension, on first use), as for a typed formula. Measured on the tfjs engine (wasm, one
 * gradient step of 1e4 starts, benchmarks/library-f.ts): for the fixed-dimension functions the
 * derived graph dispatches the same kernels to within 0–15% and runs 0.75–1.16× the hand-written
 * one's time (noise on a shared machine), so they derive it. The any-dimension functions keep a
 * hand-written vectorised graph: their expressions spell out every coordinate (the language has
 * no sum), which costs 1.4–14× at d = 10.
 */
export function derivedF(def: Omit<Objective, 'f'>): Objective {
  const byDim = new Map<number, ObjectiveFn>();
  const f: ObjectiveFn = (x) => {
    const d = x.shape[1];
    let g = byDim.get(d);
    if (!g) byDim.set(d, (g = exprToTfjs(parseExpression(def.expression!(d), { dim: d }).expr)));
    return g(x);
  };
  return { ...def, f };
}
