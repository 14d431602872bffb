import type { DescentOptions } from '../../core/options.ts';
import type { Expr } from '../../core/expression.ts';
import { FusedCompileError, tapeFor, type FusedRunner } from '../fused.ts';
import type { FusedDtype } from '../types.ts';
import { tapeDepth } from '../ad/tape.ts';
import { compileCpu } from './codegen/compile.ts';
import { evaluateCpu, runCpu } from './runtime/run.ts';

/**
 * binaryen's optimizer recurses along chains of dependent operations: measured, a 2500-term sum
 * x^2+x^2+... builds (in tens of seconds) and 3000 overflows the stack, while 20000 runs for
 * minutes first. Refusing deeper chains up front lets --engine auto fall back at once. The
 * library's functions at d = 256 stay far below (the deepest, 771).
 */
export const MAX_CPU_TAPE_DEPTH = 2000;

/**
 * The fused CPU kernel for `expr` (d variables) and the descent options: f and ∇f, the optimizer
 * update and the termination rule in one SIMD wasm module, run on every core. Throws
 * FusedCompileError saying why when it cannot.
 */
export async function compileCpuRunner(expr: Expr, d: number, opts: DescentOptions, options: { dtype?: FusedDtype; unroll?: number } = {}): Promise<FusedRunner> {
  const dtype = options.dtype ?? 'float32';
  const tape = tapeFor(expr, d, opts, 'cpu');
  const depth = tapeDepth(tape);
  if (depth > MAX_CPU_TAPE_DEPTH) {
    throw new FusedCompileError(`the fused cpu engine builds chains of at most ${MAX_CPU_TAPE_DEPTH} dependent operations and this formula needs ${depth}`);
  }
  let kernel;
  try {
    kernel = await compileCpu(tape, opts, dtype, options.unroll);
  } catch (e) {
    // binaryen's optimizer recurses along dependency chains: a sum of a few thousand terms
    // (measured: 2500 builds, 3000 overflows) exhausts the stack. That is a refusal, not a crash.
    const why = e instanceof RangeError && /call stack/i.test(e.message) ? "binaryen's optimizer ran out of stack on so long a chain of operations" : (e as Error).message;
    throw new FusedCompileError(`the fused cpu engine could not build this kernel (${tape.instrs.length} tape instructions): ${why}`);
  }
  return {
    target: 'cpu', dtype, tape,
    run: (x0, engineOpts) => runCpu(kernel, x0, engineOpts),
    evaluate: (points) => evaluateCpu(kernel, points),
  };
}
