import type { ArithOps, RowOps } from '../ops.ts';

/**
 * A gradient transformation (optax's abstraction): a pair of pure functions, elementwise over
 * whatever values an engine computes with (ArithOps: lanes, tensors, numbers). Neither mutates
 * its inputs.
 *   init(x)                     → the state: vectors shaped like x, zero at the start
 *   update(g, state, x, k)      → the step to add to x, and the next state
 * k holds the scalars this iteration needs (`scalars(t)`, e.g. adam's bias corrections): computed
 * once per iteration in float64 on the host, the same for every start, so every engine divides by
 * the same numbers (a running product kept in float32 would drift from them by ulps).
 */
export interface Transform {
  init<V>(o: ArithOps<V>, x: V): V[];
  /** Scalars for iteration t (0-based: the (t+1)-th update); always the same length. */
  scalars(t: number): number[];
  update<V>(o: ArithOps<V>, g: V, state: readonly V[], x: V, k: readonly V[]): { step: V; state: V[] };
  /**
   * A transform that is not elementwise (a line search: its test needs f and sums over the
   * coordinates) has this instead of a usable `update`: engines call it with whole rows and the
   * descended f at x every iteration. Its init is elementwise as usual.
   */
  rows?: {
    update<P, S>(R: RowOps<P, S>, g: P, f: S, state: readonly P[], x: P): { step: P; state: P[] };
  };
}

/** A transform without state or per-iteration scalars, from its elementwise rule. */
export function stateless(rule: <V>(o: ArithOps<V>, g: V) => V): Transform {
  return {
    init: () => [],
    scalars: () => [],
    update: (o, g, state) => ({ step: rule(o, g), state: [...state] }),
  };
}
