import type { DescentOptions } from '../src/descent/options.ts';
import type { StartResults } from '../src/descent/types.ts';
import type { Expr } from '../src/objectives/expression/ir.ts';
import { tf } from '../src/tf.ts';
import { buildTape } from './ad/build.ts';
import type { Tape } from './ad/tape.ts';
import { compileCpu, evaluateCpu, runCpu } from './cpu/engine.ts';
import { FusedCompileError } from './errors.ts';
import { checkOptions } from './semantics.ts';
import type { EngineOptions, Evaluation, FusedDtype, FusedTarget } from './types.ts';
import { compileWebGPU, evaluateWebGPU, runWebGPU, runWebGPUTensors, type TensorResults } from './webgpu/engine.ts';
import { validateWebGPU } from './webgpu/validate.ts';

export type { EngineOptions, Evaluation, FusedDtype, FusedTarget, RunFused } from './types.ts';
export type { TensorResults } from './webgpu/engine.ts';
export { runFused as runReference } from './reference.ts';
export { runFused as runCpuFused } from './cpu/engine.ts';
export { runFused as runWebGPUFused } from './webgpu/engine.ts';
export { closeCpuPool } from './cpu/pool.ts';

/** Whether the native engine (kernels/native/) works here, and why not; loads it on demand. */
export async function nativeStatus(env?: NodeJS.ProcessEnv) {
  const m = await import('./native/engine.ts');
  return m.nativeStatus(env);
}

export { FusedCompileError };

export interface CompileOptions {
  target: FusedTarget;
  /** Default float32. float64 exists on 'cpu' and 'native'. */
  dtype?: FusedDtype;
  /** CPU and native: vectors per group in flight (default: by problem size, see defaultUnroll). */
  unroll?: number;
  /** native: the environment to find the C compiler and the kernel cache in (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** A compiled kernel: one expression, one DescentOptions, one target. */
export interface FusedRunner {
  target: FusedTarget;
  dtype: FusedDtype;
  tape: Tape;
  /** Runs every start (x0 is [n, d] row-major). */
  run(x0: Float32Array, engineOpts?: Omit<EngineOptions, 'dtype'>): Promise<StartResults>;
  /** f and ∇f at points [n, d] by the generated code, one evaluation (for tests and checks). */
  evaluate(points: Float32Array): Promise<Evaluation>;
  /** WebGPU only: the same run with inputs and outputs as tfjs tensors on the GPU. */
  runTensors?(x0: import('../src/tf.ts').Tensor2D, engineOpts?: Omit<EngineOptions, 'dtype'>): Promise<TensorResults>;
}

/**
 * Compiles `expr` (d variables) with the descent options into a fused kernel for the target:
 * the tape (f and ∇f together), the optimizer update and the per-start termination test in one
 * generated program (wasm SIMD on all cores, C compiled for this CPU (native, kernels/native/),
 * or a WGSL shader run through tfjs-backend-webgpu).
 * Throws FusedCompileError saying why when it cannot, so the caller can fall back to tfjs.
 */
export async function compileFused(expr: Expr, d: number, opts: DescentOptions, options: CompileOptions): Promise<FusedRunner> {
  const dtype = options.dtype ?? 'float32';
  let tape: Tape;
  try {
    checkOptions(opts, d);
    tape = buildTape(expr, d);
  } catch (e) {
    throw new FusedCompileError(`cannot compile for the fused ${options.target} engine: ${(e as Error).message}`);
  }
  if (options.target === 'native') {
    // Loaded on demand: the native engine brings koffi's addon and the C compiler with it.
    const { compileNative, evaluateNative, runNative } = await import('./native/engine.ts');
    const kernel = await compileNative(tape, opts, dtype, { unroll: options.unroll, env: options.env });
    return {
      target: 'native', dtype, tape,
      run: (x0, engineOpts) => runNative(kernel, x0, engineOpts),
      evaluate: (points) => evaluateNative(kernel, points),
    };
  }
  if (options.target === 'cpu') {
    let kernel;
    try {
      kernel = await compileCpu(tape, opts, dtype, options.unroll);
    } catch (e) {
      throw new FusedCompileError(`the fused cpu engine could not build this kernel (${tape.instrs.length} tape instructions): ${(e as Error).message}`);
    }
    return {
      target: 'cpu', dtype, tape,
      run: (x0, engineOpts) => runCpu(kernel, x0, engineOpts),
      evaluate: (points) => evaluateCpu(kernel, points),
    };
  }
  if (dtype !== 'float32') throw new FusedCompileError('the fused webgpu engine runs in float32 only: WGSL has no float64 (use --dtype float64 with the cpu or native target)');
  if (tf.getBackend() !== 'webgpu') {
    throw new FusedCompileError(`the fused webgpu engine runs through tfjs-backend-webgpu, but the active tfjs backend is ${tf.getBackend()}`);
  }
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
