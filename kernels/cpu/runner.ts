import type { DescentOptions } from '../../core/options.ts';
import type { Expr } from '../../core/expression.ts';
import { FusedCompileError, tapeFor, type FusedRunner } from '../fused.ts';
import type { FusedDtype } from '../types.ts';
import { compileCpu } from './codegen/compile.ts';
import { evaluateCpu, runCpu } from './runtime/run.ts';

/**
 * The fused CPU kernel for `expr` (d variables) and the descent options: f and ∇f, the optimizer
 * update and the termination rule in one SIMD wasm module, run on every core. Throws
 * FusedCompileError saying why when it cannot.
 */
export async function compileCpuRunner(expr: Expr, d: number, opts: DescentOptions, options: { dtype?: FusedDtype; unroll?: number } = {}): Promise<FusedRunner> {
  const dtype = options.dtype ?? 'float32';
  const tape = tapeFor(expr, d, opts, 'cpu');
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
