import { tf } from '../../src/tf.ts';
import { initialState, makeProgram, type WebGPUKernel } from './engine.ts';
import { runProgram, type DeviceLike } from './program.ts';

/**
 * Compiles and runs the kernel on one start inside a validation error scope. WebGPU reports a
 * shader that fails to compile asynchronously (tfjs would go on and return zeros), so this is
 * the one way to learn it before a real run. Returns the device's message, or undefined.
 */
export async function validateWebGPU(kernel: WebGPUKernel): Promise<string | undefined> {
  const device = (tf.backend() as unknown as { device: DeviceLike }).device;
  device.pushErrorScope('validation');
  const x0 = tf.zeros([1, kernel.tape.d]) as import('../../src/tf.ts').Tensor2D;
  const { program, inputs } = makeProgram(kernel, 1);
  const state = initialState(kernel, x0);
  try {
    const out = runProgram(program, [state, ...inputs], { n: 1, t0: 0, steps: 1 });
    await out.data();
    out.dispose();
  } catch (e) {
    return (e as Error).message;
  } finally {
    tf.dispose([x0, state, ...inputs]);
  }
  const error = await device.popErrorScope();
  return error ? error.message : undefined;
}
