// The kernels' Node entry: both targets. Browser code imports kernels/webgpu/runner.ts alone
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
  /** Default float32. float64 exists only on 'cpu'. */
  dtype?: FusedDtype;
  /** CPU: vectors per group in flight (default: by problem size, see defaultUnroll). */
  unroll?: number;
}

/** Compiles `expr` with the descent options into a fused kernel for the target (see the runners). */
export function compileFused(expr: Expr, d: number, opts: DescentOptions, options: CompileOptions): Promise<FusedRunner> {
  return options.target === 'cpu' ? compileCpuRunner(expr, d, opts, options) : compileWebGPURunner(expr, d, opts, options);
}
