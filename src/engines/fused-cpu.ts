import { availableParallelism } from 'node:os';
import { fusedEngine } from './fused.ts';

/** The fused SIMD WebAssembly kernel on every core (Node: worker threads; registered by the Node entry). */
export const fusedCpuEngine = fusedEngine({
  name: 'fused-cpu',
  title: 'fused SIMD WebAssembly kernel on every core (formulas and library functions, float32 and float64)',
  how: (dtype) => `SIMD WebAssembly on every core, ${dtype}`,
  // Loaded on first use: the code generator (binaryen, 15 MB) costs seconds to load, and most commands never compile.
  compile: async (expr, d, opts, dtype) => (await import('../../kernels/cpu/runner.ts')).compileCpuRunner(expr, d, opts, { dtype }),
  status: async () => ({ available: typeof WebAssembly.validate === 'function', describe: `${availableParallelism()} worker threads, SIMD WebAssembly (binaryen)` }),
});
