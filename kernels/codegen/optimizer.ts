import type { OptimizerSpec } from '../../src/optimizers/spec.ts';
import type { VecOps as Lanes, V } from '../vector-ops.ts';

export interface StepOut {
  step: V;
  /** New values of the state vectors (v; m, s; or s), not yet committed. */
  state: V[];
}

/**
 * One coordinate of src/optimizers' update, operation for operation in the same order (so the
 * wasm and tfjs trajectories agree to the last bit wherever the gradients do): the direction
 * times −lr. `corr` holds adam's [1 − β1^(t+1), 1 − β2^(t+1)] for this step.
 */
export function optimizerStep(L: Lanes, o: OptimizerSpec, g: V, state: V[], corr?: [V, V]): StepOut {
  const scale = (c: V) => L.mul(c, L.c(-o.lr));
  switch (o.name) {
    case 'gd':
      return { step: scale(g), state: [] };
    case 'momentum': {
      const v = L.add(L.mul(state[0], L.c(o.beta)), g);
      return { step: scale(v), state: [v] };
    }
    case 'nesterov': {
      const v = L.add(L.mul(state[0], L.c(o.beta)), g);
      return { step: scale(L.add(L.mul(v, L.c(o.beta)), g)), state: [v] };
    }
    case 'adam': {
      const m = L.add(L.mul(state[0], L.c(o.beta1)), L.mul(g, L.c(1 - o.beta1)));
      const s = L.add(L.mul(state[1], L.c(o.beta2)), L.mul(L.mul(g, g), L.c(1 - o.beta2)));
      const mHat = L.div(m, corr![0]);
      const sHat = L.div(s, corr![1]);
      return { step: scale(L.div(mHat, L.add(L.sqrt(sHat), L.c(o.eps)))), state: [m, s] };
    }
    case 'rmsprop': {
      const s = L.add(L.mul(state[0], L.c(o.rho)), L.mul(L.mul(g, g), L.c(1 - o.rho)));
      return { step: scale(L.div(g, L.add(L.sqrt(s), L.c(o.eps)))), state: [s] };
    }
    case 'adagrad': {
      const s = L.add(state[0], L.mul(g, g));
      return { step: scale(L.div(g, L.add(L.sqrt(s), L.c(o.eps)))), state: [s] };
    }
  }
}
