import type { Engine } from './types.ts';
import { fusedEngine } from './fused.ts';

/**
 * The fused kernel as C, compiled at run time by the system's C compiler for this CPU and called
 * in-process (kernels/native/). Node only: registered by the Node entry. Its compiler and FFI
 * load on first use. `fast`: the native-fast variant of the same kernel (fused multiply-adds):
 * 12–17% fewer instructions per step, not bit-identical to the other engines, within their
 * tolerances; never chosen by auto (benchmarks/README.md has what it gains: little).
 */
function nativeEngineOf(fast: boolean): Engine {
  return fusedEngine({
    name: fast ? 'native-fast' : 'native',
    title: fast
      ? 'the native kernel with fused multiply-adds: fewer instructions, within float32 tolerance of native but not bit-identical to it (never chosen by auto)'
      : 'fused kernel as C compiled by the system C compiler for this CPU, on every core (formulas and library functions, float32 and float64)',
    how: (dtype) => `C for this CPU, ${dtype}${fast ? ', fused multiply-adds' : ''}`,
    // Records live in C memory, and each chunk pays its own start-up (fresh result columns, the
    // first calls): 64 MiB of x0 a chunk, at most 2^21 starts, where the driver's tfjs-sized
    // default is 8 MiB (measured: Styblinski-Tang 50-D momentum, 1e5 starts × 100 steps, ran as
    // 3 chunks of 41,943; benchmarks/README.md, "The native engine").
    chunkRows: (d) => Math.min(2 ** 21, Math.max(1024, Math.floor(2 ** 24 / d))),
    compile: async (expr, d, opts, dtype) => (await import('../../kernels/native/runner.ts')).compileNativeRunner(expr, d, opts, { dtype, fast }),
    status: async () => {
      const s = await (await import('../../kernels/native/engine.ts')).nativeStatus();
      return s.available ? { available: true, describe: fast ? s.describe.replace(/^native/, 'native-fast') : s.describe } : { available: false, describe: s.why };
    },
  });
}

export const nativeEngine = nativeEngineOf(false);
export const nativeFastEngine = nativeEngineOf(true);
