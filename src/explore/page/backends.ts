import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import { tf, UserError } from '../../browser.ts';

/** The tfjs backends the page offers, best first: what 'auto' tries in this order. */
export const PAGE_BACKENDS = ['webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type PageBackend = (typeof PAGE_BACKENDS)[number];

// The server (src/explore/server.ts) serves the wasm binaries beside the page.
setWasmPaths(new URL('wasm/', location.href).href);

interface AdapterLike {
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

/** The browser's WebGPU adapter, or why there is none. */
async function webgpuAdapter(): Promise<{ adapter?: AdapterLike; reason?: string }> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<AdapterLike | null> } }).gpu;
  if (!gpu) return { reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
  const adapter = await gpu.requestAdapter().catch(() => null);
  return adapter ? { adapter } : { reason: 'this browser offers no WebGPU adapter (Chrome on Linux needs --enable-unsafe-webgpu)' };
}

/** 'auto': WebGPU with the fused kernel where the browser offers an adapter, else wasm. */
export async function autoBackend(): Promise<PageBackend> {
  return (await webgpuAdapter()).adapter ? 'webgpu' : 'wasm';
}

/**
 * Makes `name` the running tfjs backend and says what it runs on, or throws a UserError: a
 * backend that fails to start (tf.setBackend returns false) is never passed over in silence.
 */
export async function useBackend(name: PageBackend): Promise<string> {
  if (!(PAGE_BACKENDS as readonly string[]).includes(name)) {
    throw new UserError(`unknown backend "${name}": choose one of auto, ${PAGE_BACKENDS.join(', ')}`);
  }
  let detail = '';
  if (name === 'webgpu') {
    const { adapter, reason } = await webgpuAdapter();
    if (!adapter) throw new UserError(`backend webgpu is unavailable: ${reason}: pick wasm, webgl or cpu`);
    const info = adapter.info ?? {};
    const software = info.isFallbackAdapter || adapter.isFallbackAdapter || /swiftshader|llvmpipe|software/i.test(`${info.vendor} ${info.architecture} ${info.description}`);
    detail = software ? 'software adapter' : [info.vendor, info.architecture].filter(Boolean).join(' ');
  }
  const ok = await tf.setBackend(name);
  if (!ok || tf.getBackend() !== name) {
    throw new UserError(`backend ${name} failed to initialise in this browser (tf.setBackend returned false); still running on ${tf.getBackend() ?? 'none'}: pick another backend`);
  }
  await tf.ready();
  if (name === 'webgpu') {
    // As in Node (src/backends/webgpu.ts): every op runs as a shader, none quietly on the CPU.
    tf.env().set('WEBGPU_CPU_FORWARD', false);
  }
  if (name === 'wasm') {
    const threads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') ? `${navigator.hardwareConcurrency} threads` : 'one thread';
    detail = `${tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'SIMD, ' : ''}${threads}`;
  }
  return detail ? `${name} (${detail})` : name;
}
