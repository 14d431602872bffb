import { describe, expect, it } from 'vitest';
import { tf, type Tensor2D } from '../../src/tf.ts';
import { makeOptimizer, optimizerSpec } from '../../src/optimizers/index.ts';
import { OPTIMIZER_NAMES, type OptimizerSpec } from '../../src/optimizers/spec.ts';
import { tensorsOf } from '../../src/optimizers/tree.ts';
import { describeEachBackend } from '../support/backends.ts';

/** The update rules of spec.ts, written out per coordinate in float64: the oracle. */
function referenceSteps(spec: OptimizerSpec, grads: number[]): number[] {
  let v = 0, m = 0, s = 0;
  return grads.map((g, k) => {
    const t = k + 1;
    switch (spec.name) {
      case 'gd': return -spec.lr * g;
      case 'momentum': v = spec.beta * v + g; return -spec.lr * v;
      case 'nesterov': v = spec.beta * v + g; return -spec.lr * (spec.beta * v + g);
      case 'adam':
        m = spec.beta1 * m + (1 - spec.beta1) * g;
        s = spec.beta2 * s + (1 - spec.beta2) * g * g;
        return (-spec.lr * (m / (1 - spec.beta1 ** t))) / (Math.sqrt(s / (1 - spec.beta2 ** t)) + spec.eps);
      case 'rmsprop': s = spec.rho * s + (1 - spec.rho) * g * g; return (-spec.lr * g) / (Math.sqrt(s) + spec.eps);
      case 'adagrad': s = s + g * g; return (-spec.lr * g) / (Math.sqrt(s) + spec.eps);
    }
  });
}

describeEachBackend('optimizers', () => {
  for (const name of OPTIMIZER_NAMES) {
    it(`${name} follows its update rule step by step, per coordinate`, async () => {
      const spec = optimizerSpec(name, { lr: 0.1 });
      const opt = makeOptimizer(spec);
      // Two rows, two columns: each coordinate gets its own gradient sequence.
      const seqs = [[1, -2, 0.5, 3], [0.25, 0.25, -1, 2], [-4, 1, 1, 1], [2, 0, -2, 0.1]];
      const x = tf.zeros([2, 2]) as Tensor2D;
      let state = opt.init(x);
      const expected = seqs.map((g) => referenceSteps(spec, g));
      for (let k = 0; k < 4; k++) {
        const g = tf.tensor2d(seqs.map((s) => s[k]), [2, 2]);
        const r = opt.update(g, state, x);
        const got = await r.step.data();
        // float32 arithmetic on O(1) values: a few ulps of 1 (1e-6 relative) per step, 4 steps.
        seqs.forEach((_, c) => expect(got[c]).toBeCloseTo(expected[c][k], 5));
        state = r.state;
      }
    });

    it(`${name}'s update leaves its inputs untouched (no hidden mutation)`, async () => {
      const opt = makeOptimizer(optimizerSpec(name, { lr: 0.1 }));
      const x = tf.ones([3, 2]) as Tensor2D;
      const s0 = opt.init(x);
      const before = await Promise.all(tensorsOf(s0).map((t) => t.data()));
      opt.update(tf.fill([3, 2], 2) as Tensor2D, s0, x);
      const after = await Promise.all(tensorsOf(s0).map((t) => t.data()));
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
    expect(() => optimizerSpec('sgd2', { lr: 0.1 })).toThrow(/choose one of gd, momentum, nesterov, adam, rmsprop, adagrad/);
  });
  it('reject decays outside [0, 1)', () => {
    expect(() => optimizerSpec('momentum', { lr: 0.1, beta: 1 })).toThrow(/--beta must be in \[0, 1\)/);
  });
});
