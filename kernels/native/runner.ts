import type { Expr } from '../../core/expression.ts';
import type { DescentOptions } from '../../core/options.ts';
import { tapeFor, type FusedRunner } from '../fused.ts';
import type { FusedDtype } from '../types.ts';
import { compileNative, evaluateNative, runNative } from './engine.ts';

/**
 * The fused kernel for `expr` as C compiled by the system's compiler for this CPU (cached on
 * disk), called in-process through koffi. Throws FusedCompileError saying why when it cannot
 * (no compiler, a compiler error, a library that does not load). `fast`: the native-fast variant
 * (fused multiply-adds; not bit-identical to the exact kernels, kernels/README.md).
 */
export async function compileNativeRunner(expr: Expr, d: number, opts: DescentOptions, options: { dtype?: FusedDtype; unroll?: number; env?: NodeJS.ProcessEnv; fast?: boolean } = {}): Promise<FusedRunner> {
  const dtype = options.dtype ?? 'float32';
  const tape = tapeFor(expr, d, opts, 'native');
  const kernel = await compileNative(tape, opts, dtype, { unroll: options.unroll, env: options.env, fast: options.fast });
  return {
    target: 'native', dtype, tape,
    run: (x0, engineOpts) => runNative(kernel, x0, engineOpts),
    evaluate: (points) => evaluateNative(kernel, points),
  };
}
