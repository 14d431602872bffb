import type { DescentOptions } from '../core/options.ts';
import { checkOptions } from '../core/options.ts';
import type { Expr } from '../core/expression.ts';
import type { StartResults } from '../core/results.ts';
import type { Tensor2D } from '../core/tf.ts';
import { buildTape } from './ad/build.ts';
import type { Tape } from './ad/tape.ts';
import type { EngineOptions, Evaluation, FusedDtype, FusedTarget } from './types.ts';
import type { TensorResults } from './webgpu/engine.ts';

/**
 * Why an expression or an option set cannot run on a fused target. The message is one line a
 * caller can print before falling back to another engine.
 */
export class FusedCompileError extends Error {
  override name = 'FusedCompileError';
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
  runTensors?(x0: Tensor2D, engineOpts?: Omit<EngineOptions, 'dtype'>): Promise<TensorResults>;
}

/** The tape of `expr` after the options every target needs are checked; failures are FusedCompileErrors. */
export function tapeFor(expr: Expr, d: number, opts: DescentOptions, target: string): Tape {
  try {
    checkOptions(opts, d);
    return buildTape(expr, d, opts.frozen ?? 0);
  } catch (e) {
    throw new FusedCompileError(`cannot compile for the fused ${target} engine: ${(e as Error).message}`);
  }
}
