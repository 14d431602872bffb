import { tf } from '../../core/tf.ts';
import type { BackendSpec } from './types.ts';
import { packageVersion } from './versions.ts';

export const wasm: BackendSpec = {
  name: 'wasm',
  description: 'tfjs WebAssembly backend with SIMD, one thread in Node (@tensorflow/tfjs-backend-wasm)',
  speedRank: 1,
  async probe() {
    const ok = typeof WebAssembly === 'object';
    return {
      available: ok,
      reason: ok ? undefined : 'this JavaScript engine has no WebAssembly',
      device: 'WebAssembly SIMD, one thread',
      versions: { '@tensorflow/tfjs-backend-wasm': packageVersion('@tensorflow/tfjs-backend-wasm') },
    };
  },
  async load() {
    // No setWasmPaths: under Node, Emscripten reads the .wasm files from the installed package's
    // own directory with fs. Setting a path would switch it to fetch(), which cannot read files.
    await import('@tensorflow/tfjs-backend-wasm');
    if (!tf.findBackendFactory('wasm')) throw new Error('the wasm backend did not register with tfjs');
  },
};
