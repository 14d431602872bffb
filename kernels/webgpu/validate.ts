import { tf, type Tensor2D } from '../../core/tf.ts';
import { initialState, makeProgram, type WebGPUKernel } from './engine.ts';
import { deviceError, runProgram } from './program.ts';

/**
 * Compiles and runs the kernel on one start inside a validation error scope. WebGPU reports a
 * shader that fails to compile asynchronously (tfjs would go on and return zeros), so this is
 * the one way to learn it before a real run. Returns the device's message, or undefined.
 */
export async function validateWebGPU(kernel: WebGPUKernel): Promise<string | undefined> {
  const x0 = tf.zeros([1, kernel.tape.d]) as Tensor2D;
  const { program, inputs } = makeProgram(kernel, 1);
  const state = initialState(kernel, x0);
  try {
    return await deviceError(async () => {
      const out = runProgram(program, [state, ...inputs], { n: 1, t0: 0, steps: 1 });
      await out.data().finally(() => out.dispose());
    });
  } catch (e) {
    return (e as Error).message;
  } finally {
    tf.dispose([x0, state, ...inputs]);
  }
}
