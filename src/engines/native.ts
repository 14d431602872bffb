import { fusedEngine } from './fused.ts';

/**
 * The fused kernel as C, compiled at run time by the system's C compiler for this CPU and called
 * in-process (kernels/native/). Node only: registered by the Node entry. Its compiler and FFI
 * load on first use.
 */
export const nativeEngine = fusedEngine({
  name: 'native',
  title: 'fused kernel as C compiled by the system C compiler for this CPU, on every core (formulas and library functions, float32 and float64)',
  how: (dtype) => `C for this CPU, ${dtype}`,
  compile: async (expr, d, opts, dtype) => (await import('../../kernels/native/runner.ts')).compileNativeRunner(expr, d, opts, { dtype }),
  status: async () => {
    const s = await (await import('../../kernels/native/engine.ts')).nativeStatus();
    return s.available ? { available: true, describe: s.describe } : { available: false, describe: s.why };
  },
});
