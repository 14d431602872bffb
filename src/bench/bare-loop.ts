import { makeOptimizer, type OptimizerSpec } from '../../core/optimizers/index.ts';
import { tf, type Tensor, type Tensor2D } from '../../core/tf.ts';
import { tensorOps } from '../engines/tensor-ops.ts';
import type { ObjectiveFn } from '../objectives/types.ts';

/**
 * The update the tfjs engine performs between checks, with nothing around it: one gradient of the
 * batch sum, the optimizer's step, x + step, all in one tidy. It is the yardstick for what the
 * driver costs (checks, readbacks, bookkeeping) and the unit whose kernels are counted.
 */
export interface BareStepper {
  init(x: Tensor2D): Tensor[];
  /** Returns the new x and state after update t (0-based); disposes nothing it was given. */
  step(x: Tensor2D, state: Tensor[], t: number): { x: Tensor2D; state: Tensor[] };
}

export function bareStepper(f: ObjectiveFn, spec: OptimizerSpec): BareStepper {
  const optimizer = makeOptimizer(spec);
  const gradOf = tf.grad((x: Tensor) => tf.sum(f(x as Tensor2D)));
  return {
    init: (x) => tf.tidy(() => optimizer.init(tensorOps, x)),
    step: (x, state, t) =>
      tf.tidy(() => {
        const g = gradOf(x);
        const u = optimizer.update(tensorOps, g, state, x, optimizer.scalars(t).map((v) => tensorOps.c(v)));
        return { x: tf.add(x, u.step) as Tensor2D, state: u.state };
      }),
  };
}

/** `steps` bare updates of every row of x0 at once; returns the end points (the readback ends the clock). */
export async function bareLoop(f: ObjectiveFn, x0: Float32Array, d: number, spec: OptimizerSpec, steps: number): Promise<Float32Array> {
  const stepper = bareStepper(f, spec);
  let x = tf.tensor2d(x0, [x0.length / d, d]);
  let state = stepper.init(x);
  for (let t = 0; t < steps; t++) {
    const next = stepper.step(x, state, t);
    tf.dispose([x, ...state]);
    ({ x, state } = next);
  }
  const out = (await x.data()) as Float32Array;
  tf.dispose([x, ...state]);
  return out;
}

/** Kernels tfjs dispatches for one bare update step on a small batch (the count does not depend on the batch size). */
export async function kernelsPerBareStep(f: ObjectiveFn, d: number, spec: OptimizerSpec, rows = 64): Promise<number> {
  const stepper = bareStepper(f, spec);
  const x = tf.tidy(() => tf.randomUniform([rows, d], -1, 1) as Tensor2D);
  const state = stepper.init(x);
  // One step outside the profile first: some backends run one-off kernels on a first use.
  const warm = stepper.step(x, state, 0);
  tf.dispose([warm.x, ...warm.state]);
  let result: { x: Tensor2D; state: Tensor[] } | undefined;
  const info = await tf.profile(() => {
    result = stepper.step(x, state, 1);
    return [];
  });
  tf.dispose([x, ...state, result!.x, ...result!.state]);
  return info.kernels.length;
}
