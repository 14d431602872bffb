import { compileWebGPURunner } from '../../kernels/webgpu/runner.ts';
import { fusedEngine } from './fused.ts';

/** The fused WGSL kernel, one compute shader run through tfjs-backend-webgpu (browser-safe). */
export const fusedWebgpuEngine = fusedEngine({
  name: 'fused-webgpu',
  title: 'fused WGSL kernel through tfjs-backend-webgpu (formulas and library functions, float32)',
  how: () => 'one WGSL compute shader through tfjs-backend-webgpu, float32',
  unavailable: ({ dtype }, backend) =>
    backend !== 'webgpu' ? `the fused webgpu engine runs on the webgpu backend, and this run uses ${backend}: add --backend webgpu`
    : dtype !== 'float32' ? 'float64 runs on the CPU engines only (WGSL has no float64): drop --backend webgpu'
    : undefined,
  compile: (expr, d, opts) => compileWebGPURunner(expr, d, opts),
  // Whether a WebGPU adapter exists is the webgpu backend's question (`basinmap backends`).
  status: async () => ({ available: true, describe: 'runs where the webgpu tfjs backend does: add --backend webgpu' }),
});
