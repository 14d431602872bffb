import { compileCpuRunner } from '../../kernels/cpu/runner.ts';
import { fusedEngine } from './fused.ts';

/** The fused SIMD WebAssembly kernel on every core (Node: worker threads; registered by the Node entry). */
export const fusedCpuEngine = fusedEngine({
  name: 'fused-cpu',
  title: 'fused SIMD WebAssembly kernel on every core (formulas and library functions, float32 and float64)',
  how: (dtype) => `SIMD WebAssembly on every core, ${dtype}`,
  compile: (expr, d, opts, dtype) => compileCpuRunner(expr, d, opts, { dtype }),
});
