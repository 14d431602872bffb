/**
 * Optimizer names and hyperparameters, shared by every engine (tfjs and fused kernels) so that
 * "adam with lr 0.01" means the same update everywhere. The update rules, with g the gradient of
 * the objective being descended (−f under --maximize) and t the 1-based step count:
 *   gd:       x ← x − lr·g
 *   momentum: v ← β·v + g;                    x ← x − lr·v                 (heavy ball, optax trace)
 *   nesterov: v ← β·v + g;                    x ← x − lr·(β·v + g)         (optax trace, nesterov)
 *   adam:     m ← β1·m + (1−β1)·g;  s ← β2·s + (1−β2)·g²;
 *             x ← x − lr·(m/(1−β1^t)) / (sqrt(s/(1−β2^t)) + ε)
 *   rmsprop:  s ← ρ·s + (1−ρ)·g²;             x ← x − lr·g / (sqrt(s) + ε)
 *   adagrad:  s ← s + g²;                     x ← x − lr·g / (sqrt(s) + ε)
 * All state starts at zero.
 */
export type OptimizerName = 'gd' | 'momentum' | 'nesterov' | 'adam' | 'rmsprop' | 'adagrad';

export interface OptimizerSpec {
  name: OptimizerName;
  lr: number;
  /** momentum / nesterov decay β. */
  beta: number;
  /** adam first-moment decay β1. */
  beta1: number;
  /** adam second-moment decay β2. */
  beta2: number;
  /** rmsprop decay ρ. */
  rho: number;
  /** adam / rmsprop / adagrad denominator guard ε. */
  eps: number;
}

export const OPTIMIZER_NAMES: readonly OptimizerName[] = ['gd', 'momentum', 'nesterov', 'adam', 'rmsprop', 'adagrad'];

/** Defaults follow optax / PyTorch, except lr, which the caller always chooses. */
export const OPTIMIZER_DEFAULTS: Omit<OptimizerSpec, 'name' | 'lr'> = {
  beta: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  rho: 0.9,
  eps: 1e-8,
};
