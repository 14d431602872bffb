import { tf, type Tensor } from '../../core/tf.ts';

/** The part of tfjs-backend-webgpu's WebGPUBackend the fused kernels use. */
interface WebGPUBackendLike {
  runWebGPUProgram(program: object, inputs: unknown[], outputDtype: 'float32', uniforms?: Array<{ type: 'int32' | 'float32'; data: number[] }>): unknown;
}

/**
 * A generated shader as a tfjs-backend-webgpu program (its WebGPUProgram interface): tfjs
 * binds the input tensors as read-only storage buffers named after `variableNames`, allocates
 * the output tensor as `result`, adds `uniforms` (plus its own shapes), compiles and caches the
 * pipeline by `shaderKey`, and dispatches. Inputs and outputs stay tfjs tensors on the GPU.
 * One invocation per row: the body is `fn main(index: i32)`, called with the flat index.
 */
export class FusedProgram {
  readonly workgroupSize: [number, number, number] = [64, 1, 1];
  readonly dispatchLayout = { x: [0] };
  dispatch: [number, number, number];
  readonly uniforms = 'n : i32, t0 : i32, steps : i32,';
  shaderKey: string;

  constructor(readonly variableNames: string[], readonly outputShape: number[], private readonly code: string, rows: number) {
    this.dispatch = [Math.ceil(rows / this.workgroupSize[0]), 1, 1];
    this.shaderKey = `basinmap_fused_${hash(code)}`;
  }

  getUserCode(): string {
    return this.code;
  }
}

/** Runs a program on the active webgpu backend and returns its output as a tensor. */
export function runProgram(program: FusedProgram, inputs: Tensor[], uniforms: { n: number; t0: number; steps: number }): Tensor {
  if (tf.getBackend() !== 'webgpu') throw new Error(`the WebGPU fused engine needs the webgpu tfjs backend active (now: ${tf.getBackend()})`);
  const backend = tf.backend() as unknown as WebGPUBackendLike;
  const info = backend.runWebGPUProgram(program, inputs, 'float32', [
    { type: 'int32', data: [uniforms.n] },
    { type: 'int32', data: [uniforms.t0] },
    { type: 'int32', data: [uniforms.steps] },
  ]);
  return tf.engine().makeTensorFromTensorInfo(info as Parameters<ReturnType<typeof tf.engine>['makeTensorFromTensorInfo']>[0]);
}

/** FNV-1a, to key tfjs's pipeline cache by the generated code. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

interface DeviceLike {
  pushErrorScope(filter: 'validation'): void;
  popErrorScope(): Promise<{ message: string } | null>;
}

/**
 * Runs `work` inside a validation error scope and returns the first line of the device's message,
 * or undefined. WebGPU reports errors asynchronously, on the side, and tfjs does not look, so a
 * shader that does not compile or a dispatch the device rejects would otherwise leave its output
 * untouched without a word. The scope is closed whatever `work` does; the device's message, which
 * is the cause, wins over an exception of `work`'s own.
 */
export async function deviceError(work: () => Promise<void>): Promise<string | undefined> {
  const device = (tf.backend() as unknown as { device: DeviceLike }).device;
  device.pushErrorScope('validation');
  let failure: { error: unknown } | undefined;
  try {
    await work();
  } catch (error) {
    failure = { error };
  }
  const reported = await device.popErrorScope();
  if (reported) return reported.message.split('\n')[0];
  if (failure) throw failure.error;
  return undefined;
}

/** `work` (a dispatch and its readback), raising the device's error if it reported one. */
export async function checkedDispatch<T>(work: () => Promise<T>): Promise<T> {
  let result!: T;
  const problem = await deviceError(async () => {
    result = await work();
  });
  if (problem) throw new Error(`the WebGPU device rejected the fused kernel's dispatch: ${problem}`);
  return result;
}
