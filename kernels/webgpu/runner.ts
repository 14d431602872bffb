import type { DescentOptions } from '../../core/options.ts';
import type { Expr } from '../../core/expression.ts';
import { tf } from '../../core/tf.ts';
import { FusedCompileError, tapeFor, type FusedRunner } from '../fused.ts';
import type { FusedDtype } from '../types.ts';
import { compileWebGPU, evaluateWebGPU, runWebGPU, runWebGPUTensors } from './engine.ts';
import { validateWebGPU } from './validate.ts';

/**
 * The fused WGSL kernel for `expr`, run as a tfjs-backend-webgpu program (the webgpu backend must
 * be active). float32 only. Throws FusedCompileError saying why when it cannot.
 */
export async function compileWebGPURunner(expr: Expr, d: number, opts: DescentOptions, options: { dtype?: FusedDtype } = {}): Promise<FusedRunner> {
  const dtype = options.dtype ?? 'float32';
  if (dtype !== 'float32') throw new FusedCompileError('the fused webgpu engine runs in float32 only: WGSL has no float64');
  if (tf.getBackend() !== 'webgpu') {
    throw new FusedCompileError(`the fused webgpu engine runs through tfjs-backend-webgpu, but the active tfjs backend is ${tf.getBackend()}`);
  }
  const tape = tapeFor(expr, d, opts, 'webgpu');
  const kernel = compileWebGPU(tape, opts);
  const problem = await validateWebGPU(kernel);
  if (problem) throw new FusedCompileError(`the WGSL kernel did not compile on this device: ${problem}`);
  return {
    target: 'webgpu', dtype, tape,
    run: (x0, engineOpts) => runWebGPU(kernel, x0, engineOpts),
    evaluate: (points) => evaluateWebGPU(tape, points),
    runTensors: (x0, engineOpts) => runWebGPUTensors(kernel, x0, engineOpts),
  };
}
