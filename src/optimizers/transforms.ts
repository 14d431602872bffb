import { tf, type Tensor2D } from '../tf.ts';
import type { Transform } from './transform.ts';
import type { StateTree } from './tree.ts';

/** step = c·g. With c = −lr this is gradient descent. */
export function scale(c: number): Transform<readonly []> {
  return {
    init: () => [],
    update: (g, state) => ({ step: tf.mul(g, c) as Tensor2D, state }),
  };
}

/** Momentum accumulator v ← β·v + g; the step is v, or β·v + g for Nesterov (optax `trace`). */
export function trace(beta: number, nesterov = false): Transform<{ v: Tensor2D }> {
  return {
    init: (x) => ({ v: tf.zerosLike(x) }),
    update: (g, { v }) => {
      const v2 = tf.add(tf.mul(v, beta), g) as Tensor2D;
      const step = nesterov ? (tf.add(tf.mul(v2, beta), g) as Tensor2D) : v2;
      return { step, state: { v: v2 } };
    },
  };
}

/** Adam's bias-corrected m̂ / (sqrt(ŝ) + ε), before the learning rate. */
export function scaleByAdam(beta1: number, beta2: number, eps: number): Transform<{ m: Tensor2D; s: Tensor2D; t: number }> {
  return {
    init: (x) => ({ m: tf.zerosLike(x), s: tf.zerosLike(x), t: 0 }),
    update: (g, { m, s, t }) => {
      const t2 = t + 1;
      const m2 = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1)) as Tensor2D;
      const s2 = tf.add(tf.mul(s, beta2), tf.mul(tf.square(g), 1 - beta2)) as Tensor2D;
      const mHat = tf.div(m2, 1 - beta1 ** t2);
      const sHat = tf.div(s2, 1 - beta2 ** t2);
      const step = tf.div(mHat, tf.add(tf.sqrt(sHat), eps)) as Tensor2D;
      return { step, state: { m: m2, s: s2, t: t2 } };
    },
  };
}

/** RMSProp's g / (sqrt(s) + ε) with s ← ρ·s + (1−ρ)·g². */
export function scaleByRms(rho: number, eps: number): Transform<{ s: Tensor2D }> {
  return {
    init: (x) => ({ s: tf.zerosLike(x) }),
    update: (g, { s }) => {
      const s2 = tf.add(tf.mul(s, rho), tf.mul(tf.square(g), 1 - rho)) as Tensor2D;
      return { step: tf.div(g, tf.add(tf.sqrt(s2), eps)) as Tensor2D, state: { s: s2 } };
    },
  };
}

/** Adagrad's g / (sqrt(s) + ε) with s ← s + g² (root of the sum of squares). */
export function scaleByRss(eps: number): Transform<{ s: Tensor2D }> {
  return {
    init: (x) => ({ s: tf.zerosLike(x) }),
    update: (g, { s }) => {
      const s2 = tf.add(s, tf.square(g)) as Tensor2D;
      return { step: tf.div(g, tf.add(tf.sqrt(s2), eps)) as Tensor2D, state: { s: s2 } };
    },
  };
}

/** Applies transforms in order, each to the previous one's step (optax `chain`). */
export function chain(...parts: Transform<any>[]): Transform<readonly StateTree[]> {
  return {
    init: (x) => parts.map((p) => p.init(x)),
    update: (g, states, x) => {
      let step = g;
      const next: StateTree[] = [];
      parts.forEach((p, i) => {
        const r = p.update(step, states[i], x);
        step = r.step;
        next.push(r.state);
      });
      return { step, state: next };
    },
  };
}
