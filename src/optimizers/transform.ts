import type { Tensor2D } from '../tf.ts';
import type { StateTree } from './tree.ts';

/**
 * A gradient transformation (optax's abstraction): a pair of pure functions over batched
 * tensors. `update` returns the step to add to x and the new state; it never mutates its inputs.
 * Callers own the memory: run it inside tf.tidy.
 */
export interface Transform<S extends StateTree = StateTree> {
  init(x: Tensor2D): S;
  update(g: Tensor2D, state: S, x: Tensor2D): { step: Tensor2D; state: S };
}
