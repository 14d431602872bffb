import type { OptimizerSpec } from '../../src/optimizers/spec.ts';
import type { VecOps as Lanes, V } from '../vector-ops.ts';

export interface StepOut {
  /** The step negated, direction·lr: x' = x − descent, bit for bit x + direction·(−lr). */
  descent: V;
  /** New values of the state vectors (v; m, s; or s), not yet committed. */
  state: V[];
}

/**
 * One coordinate of src/optimizers' update, operation for operation in the same order (so the
 * wasm and tfjs trajectories agree to the last bit wherever the gradients do): the direction
 * times −lr, returned negated (multiplying by lr instead of −lr is exact negation; the kernels
 * subtract it, and x − (0 & mask) keeps a frozen lane's −0 where x + 0 would not). `corr` holds
 * adam's [1 − β1^(t+1), 1 − β2^(t+1)] for this step.
 */
export function optimizerStep(L: Lanes, o: OptimizerSpec, g: V, state: V[], corr?: [V, V]): StepOut {
  const scale = (c: V) => L.mul(c, L.c(o.lr));
  switch (o.name) {
    case 'gd':
      return { descent: scale(g), state: [] };
    case 'momentum': {
      const v = L.add(L.mul(state[0], L.c(o.beta)), g);
      return { descent: scale(v), state: [v] };
    }
    case 'nesterov': {
      const v = L.add(L.mul(state[0], L.c(o.beta)), g);
      return { descent: scale(L.add(L.mul(v, L.c(o.beta)), g)), state: [v] };
    }
    case 'adam': {
      const m = L.add(L.mul(state[0], L.c(o.beta1)), L.mul(g, L.c(1 - o.beta1)));
      const s = L.add(L.mul(state[1], L.c(o.beta2)), L.mul(L.mul(g, g), L.c(1 - o.beta2)));
      const mHat = L.div(m, corr![0]);
      const sHat = L.div(s, corr![1]);
      return { descent: scale(L.div(mHat, L.add(L.sqrt(sHat), L.c(o.eps)))), state: [m, s] };
    }
    case 'rmsprop': {
      const s = L.add(L.mul(state[0], L.c(o.rho)), L.mul(L.mul(g, g), L.c(1 - o.rho)));
      return { descent: scale(L.div(g, L.add(L.sqrt(s), L.c(o.eps)))), state: [s] };
    }
    case 'adagrad': {
      const s = L.add(state[0], L.mul(g, g));
      return { descent: scale(L.div(g, L.add(L.sqrt(s), L.c(o.eps)))), state: [s] };
    }
  }
}
