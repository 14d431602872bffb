import { tf, type Tensor, type Tensor2D } from '../tf.ts';
import type { ObjectiveFn } from '../objectives/types.ts';
import { makeOptimizer, type OptimizerSpec } from '../optimizers/index.ts';
import { tensorsOf, type StateTree } from '../optimizers/tree.ts';

/**
 * The update `descend` performs between checks, with nothing around it: one gradient of the
 * batch sum, the optimizer's step, x + step, all in one tidy. It is the yardstick for what the
 * driver costs (checks, readbacks, bookkeeping) and the unit whose kernels are counted.
 */
export interface BareStepper {
  init(x: Tensor2D): StateTree;
  /** Returns the new x and state; disposes nothing it was given. */
  step(x: Tensor2D, state: StateTree): { x: Tensor2D; state: StateTree };
}

export function bareStepper(f: ObjectiveFn, spec: OptimizerSpec): BareStepper {
  const optimizer = makeOptimizer(spec);
  const gradOf = tf.grad((x: Tensor) => tf.sum(f(x as Tensor2D)));
  return {
    init: (x) => tf.tidy(() => optimizer.init(x) as never) as StateTree,
    step: (x, state) =>
      tf.tidy(() => {
        const g = gradOf(x) as Tensor2D;
        const { step, state: s2 } = optimizer.update(g, state as never, x);
        return { x: tf.add(x, step) as Tensor2D, state: s2 } as never;
      }) as { x: Tensor2D; state: StateTree },
  };
}

/** `steps` bare updates of every row of x0 at once; returns the end points (the readback ends the clock). */
export async function bareLoop(f: ObjectiveFn, x0: Float32Array, d: number, spec: OptimizerSpec, steps: number): Promise<Float32Array> {
  const stepper = bareStepper(f, spec);
  let x = tf.tensor2d(x0, [x0.length / d, d]);
  let state = stepper.init(x);
  for (let t = 0; t < steps; t++) {
    const next = stepper.step(x, state);
    disposeAll(x, state);
    ({ x, state } = next);
  }
  const out = (await x.data()) as Float32Array;
  disposeAll(x, state);
  return out;
}

/** Kernels tfjs dispatches for one bare update step on a small batch (the count does not depend on the batch size). */
export async function kernelsPerBareStep(f: ObjectiveFn, d: number, spec: OptimizerSpec, rows = 64): Promise<number> {
  const stepper = bareStepper(f, spec);
  const x = tf.tidy(() => tf.randomUniform([rows, d], -1, 1) as Tensor2D);
  const state = stepper.init(x);
  // One step outside the profile first: some backends run one-off kernels on a first use.
  const warm = stepper.step(x, state);
  disposeAll(warm.x, warm.state);
  let result: { x: Tensor2D; state: StateTree } | undefined;
  const info = await tf.profile(() => {
    result = stepper.step(x, state);
    return [];
  });
  disposeAll(x, state, result!.x, result!.state);
  return info.kernels.length;
}

function disposeAll(...trees: StateTree[]): void {
  for (const tree of trees) for (const t of tensorsOf(tree)) t.dispose();
}
