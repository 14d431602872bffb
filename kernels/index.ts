// The kernels' Node entry: every target. Browser code imports kernels/webgpu/runner.ts alone
// (kernels/cpu needs worker threads and binaryen).
import type { DescentOptions } from '../core/options.ts';
import type { Expr } from '../core/expression.ts';
import { compileCpuRunner } from './cpu/runner.ts';
import type { FusedRunner } from './fused.ts';
import type { FusedDtype, FusedTarget } from './types.ts';
import { compileWebGPURunner } from './webgpu/runner.ts';

export { FusedCompileError, type FusedRunner } from './fused.ts';
export type { EngineOptions, Evaluation, FusedDtype, FusedTarget } from './types.ts';
export type { TensorResults } from './webgpu/engine.ts';
export { closeCpuPool } from './cpu/runtime/pool.ts';

export interface CompileOptions {
  target: FusedTarget;
  /** Default float32. float64 exists on 'cpu' and 'native'. */
  dtype?: FusedDtype;
  /** CPU and native: vectors per group in flight (default: by problem size, see defaultUnroll). */
  unroll?: number;
  /** native: the environment to find the C compiler and the kernel cache in (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** native: the native-fast variant (fused multiply-adds; not bit-identical, kernels/README.md). */
  fast?: boolean;
}

/** Compiles `expr` with the descent options into a fused kernel for the target (see the runners). */
export async function compileFused(expr: Expr, d: number, opts: DescentOptions, options: CompileOptions): Promise<FusedRunner> {
  if (options.target === 'native') {
    // Loaded on demand: the native engine brings koffi's addon and the C compiler with it.
    return (await import('./native/runner.ts')).compileNativeRunner(expr, d, opts, options);
  }
  return options.target === 'cpu' ? compileCpuRunner(expr, d, opts, options) : compileWebGPURunner(expr, d, opts, options);
}

/** Whether the native engine (kernels/native/) works here, and why not; loads it on demand. */
export async function nativeStatus(env?: NodeJS.ProcessEnv) {
  return (await import('./native/engine.ts')).nativeStatus(env);
}
