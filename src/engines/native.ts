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
    compile: async (expr, d, opts, dtype) => (await import('../../kernels/native/runner.ts')).compileNativeRunner(expr, d, opts, { dtype, fast }),
    status: async () => {
      const s = await (await import('../../kernels/native/engine.ts')).nativeStatus();
      return s.available ? { available: true, describe: fast ? s.describe.replace(/^native/, 'native-fast') : s.describe } : { available: false, describe: s.why };
    },
  });
}

export const nativeEngine = nativeEngineOf(false);
export const nativeFastEngine = nativeEngineOf(true);
