import type { DescentOptions } from '../../../core/options.ts';
import { checkOptions } from '../../../core/options.ts';
import { makeOptimizer, stateCount } from '../../../core/optimizers/index.ts';
import type { Tape } from '../../ad/tape.ts';
import type { FusedDtype } from '../../types.ts';
import type { Layout } from '../layout.ts';
import { buildStepModule } from './step-module.ts';

export interface CpuKernel {
  tape: Tape;
  opts: DescentOptions;
  dtype: FusedDtype;
  layout: Layout;
  module: WebAssembly.Module;
  /** Identifies the kernel in the workers' instance cache. */
  key: string;
}

/** Vectors per group for small problems: four in flight hide the latency of long dependency chains (sin/cos, divisions); measured 15-25% faster than two on Rastrigin and Ackley (float32, gd and adam). */
export const DEFAULT_UNROLL = 4;

/**
 * Vectors per group for d coordinates and nState optimizer state vectors: a group keeps
 * unroll × d × (1 + nState) vectors live across the step loop, and once those overflow the 16
 * xmm registers by far, spills cost more than the extra chains hide. Measured (float32, 2-core
 * EPYC, the best unroll against 4): 6 live vectors or fewer, 4 (Rastrigin 2-D gd, Himmelblau and
 * Ackley 2-D adam); 7 to 48, 2 (Levy 8-D gd ×1.6, Styblinski-Tang 36-D gd ×1.9, Rosenbrock 16-D
 * adam ×1.5; at worst 0.9× 4, on Rosenbrock 10-D adam and Styblinski-Tang 12-D gd); beyond, 1
 * (Styblinski-Tang 50-D momentum ×2.1).
 */
export function defaultUnroll(d: number, nState: number): number {
  const live = d * (1 + nState);
  return live <= 6 ? DEFAULT_UNROLL : live <= 48 ? 2 : 1;
}
let counter = 0;
// Unique per process and module instance: workers cache instances by this key.
const KEY_PREFIX = Math.random().toString(36).slice(2, 10);

/** Builds the SIMD kernel for one expression and one set of descent options. */
export async function compileCpu(tape: Tape, opts: DescentOptions, dtype: FusedDtype = 'float32', unroll = defaultUnroll(tape.d, stateCount(makeOptimizer(opts.optimizer, opts.box)))): Promise<CpuKernel> {
  checkOptions(opts, tape.d);
  const { bytes, layout } = buildStepModule(tape, opts, dtype, unroll);
  const module = await WebAssembly.compile(bytes);
  return { tape, opts, dtype, layout, module, key: `k${KEY_PREFIX}-${counter++}` };
}

