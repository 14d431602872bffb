import { describe, expect, it } from 'vitest';
import { numberOps } from '../../core/number-ops.ts';
import { makeOptimizer, OPTIMIZER_NAMES, optimizerSpec, stateCount, type OptimizerSpec } from '../../core/optimizers/index.ts';
import { tf, type Tensor } from '../../core/tf.ts';
import { tensorOps } from '../../src/engines/tensor-ops.ts';
import { describeEachBackend } from '../support/backends.ts';

/**
 * Each optimizer's rule from its paper, written out per coordinate in float64, independently of
 * the transforms: the oracle. t is 1-based.
 */
function referenceSteps(spec: OptimizerSpec, grads: number[]): number[] {
  const p = spec as Required<OptimizerSpec>;
  let v = 0, m = 0, s = 0;
  return grads.map((g, k) => {
    const t = k + 1;
    switch (spec.name) {
      case 'gd': return -p.lr * g;
      case 'momentum': v = p.beta * v + g; return -p.lr * v;
      case 'nesterov': v = p.beta * v + g; return -p.lr * (p.beta * v + g);
      case 'adam':
        m = p.beta1 * m + (1 - p.beta1) * g;
        s = p.beta2 * s + (1 - p.beta2) * g * g;
        return (-p.lr * (m / (1 - p.beta1 ** t))) / (Math.sqrt(s / (1 - p.beta2 ** t)) + p.eps);
      case 'rmsprop': s = p.rho * s + (1 - p.rho) * g * g; return (-p.lr * g) / (Math.sqrt(s) + p.eps);
      case 'adagrad': s = s + g * g; return (-p.lr * g) / (Math.sqrt(s) + p.eps);
      case 'nadam': {
        // Dozat (2016) as optax/PyTorch: the momentum one step ahead plus the gradient's share.
        m = p.beta1 * m + (1 - p.beta1) * g;
        s = p.beta2 * s + (1 - p.beta2) * g * g;
        const mHat = (p.beta1 * m) / (1 - p.beta1 ** (t + 1)) + ((1 - p.beta1) * g) / (1 - p.beta1 ** t);
        return (-p.lr * mHat) / (Math.sqrt(s / (1 - p.beta2 ** t)) + p.eps);
      }
      case 'lion': {
        // Chen et al. (2023), Algorithm 2: sign of the β1 interpolation, then the β2 update of m.
        const c = p.beta1 * m + (1 - p.beta1) * g;
        m = p.beta2 * m + (1 - p.beta2) * g;
        return -p.lr * Math.sign(c);
      }
    }
  });
}

// Four coordinates, each with its own gradient sequence (zeros included: sign(0) for lion).
const SEQS = [[1, -2, 0.5, 3], [0.25, 0.25, -1, 2], [-4, 1, 1, 1], [2, 0, -2, 0.1]];

describe('optimizers as pure functions over numbers', () => {
  for (const name of OPTIMIZER_NAMES) {
    it(`${name} follows its published rule step by step`, () => {
      const spec = optimizerSpec(name, { lr: 0.1 });
      const opt = makeOptimizer(spec);
      const o = numberOps('float64');
      SEQS.forEach((gs) => {
        const expected = referenceSteps(spec, gs);
        let state = opt.init(o, 0);
        gs.forEach((g, t) => {
          const r = opt.update(o, g, state, 0, opt.scalars(t));
          // Same operations in float64 in another order: agreement to ~1e-15 relative.
          expect(r.step).toBeCloseTo(expected[t], 12);
          state = r.state;
        });
      });
    });
  }

  it('keeps the state its init makes: none for gd, one vector for momentum and lion, two for adam and nadam', () => {
    const count = (name: string) => stateCount(makeOptimizer(optimizerSpec(name, { lr: 0.1 })));
    expect(OPTIMIZER_NAMES.map((n) => [n, count(n)])).toEqual([
      ['gd', 0], ['momentum', 1], ['nesterov', 1], ['adam', 2], ['rmsprop', 1], ['adagrad', 1], ['nadam', 2], ['lion', 1],
    ]);
  });
});

describeEachBackend('optimizers over tfjs tensors', () => {
  for (const name of OPTIMIZER_NAMES) {
    it(`${name} gives the same steps on a [2, 2] batch as per coordinate`, async () => {
      const spec = optimizerSpec(name, { lr: 0.1 });
      const opt = makeOptimizer(spec);
      const x = tf.zeros([2, 2]);
      let state: Tensor[] = opt.init(tensorOps, x);
      const expected = SEQS.map((g) => referenceSteps(spec, g));
      for (let t = 0; t < 4; t++) {
        const g = tf.tensor2d(SEQS.map((s) => s[t]), [2, 2]);
        const r = opt.update(tensorOps, g, state, x, opt.scalars(t).map((v) => tensorOps.c(v)));
        const got = await r.step.data();
        // float32 arithmetic on O(1) values: a few ulps of 1 (1e-6 relative) per step, 4 steps.
        SEQS.forEach((_, c) => expect(got[c]).toBeCloseTo(expected[c][t], 5));
        state = r.state;
      }
    });

    it(`${name}'s update leaves its inputs untouched (no hidden mutation)`, async () => {
      const opt = makeOptimizer(optimizerSpec(name, { lr: 0.1 }));
      const x = tf.ones([3, 2]);
      const s0 = opt.update(tensorOps, tf.fill([3, 2], 0.5), opt.init(tensorOps, x), x, opt.scalars(0).map((v) => tensorOps.c(v))).state;
      const before = await Promise.all(s0.map((t) => t.data()));
      opt.update(tensorOps, tf.fill([3, 2], 2), s0, x, opt.scalars(1).map((v) => tensorOps.c(v)));
      const after = await Promise.all(s0.map((t) => t.data()));
      expect(after).toEqual(before);
      expect(Array.from(await x.data())).toEqual([1, 1, 1, 1, 1, 1]);
    });
  }
});

describe('optimizer hyperparameters', () => {
  it('reject a learning rate that is not positive', () => {
    expect(() => optimizerSpec('gd', { lr: 0 })).toThrow(/learning rate must be a finite number > 0/);
    expect(() => optimizerSpec('gd', { lr: -1 })).toThrow(/--lr/);
    expect(() => optimizerSpec('gd', { lr: NaN })).toThrow(/learning rate/);
  });
  it('reject an unknown optimizer with the list of known ones', () => {
    expect(() => optimizerSpec('sgd2', { lr: 0.1 })).toThrow(/choose one of gd, momentum, nesterov, adam, rmsprop, adagrad, nadam, lion/);
  });
  it('reject decays outside [0, 1)', () => {
    expect(() => optimizerSpec('momentum', { lr: 0.1, beta: 1 })).toThrow(/--beta must be in \[0, 1\)/);
  });
  it('keep only the hyperparameters an optimizer takes, with its own defaults', () => {
    expect(optimizerSpec('lion', { lr: 1e-3, rho: 0.5 })).toEqual({ name: 'lion', lr: 1e-3, beta1: 0.9, beta2: 0.99 });
    expect(optimizerSpec('adam', { lr: 1e-3, beta2: 0.9 })).toEqual({ name: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.9, eps: 1e-8 });
    expect(optimizerSpec('gd', { lr: 1e-3, beta: 0.5 })).toEqual({ name: 'gd', lr: 1e-3 });
  });
});
