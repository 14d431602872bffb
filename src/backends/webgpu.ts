import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tf } from '../../core/tf.ts';
import type { BackendProbe, BackendSpec } from './types.ts';
import { firstLine, packageVersion } from './versions.ts';

/**
 * tfjs's WebGPU backend in Node, through the `webgpu` npm package (Dawn's `dawn.node`, shipped
 * inside the package, so it installs offline). Dawn reaches the GPU through Vulkan; on a machine
 * without a GPU it needs a software Vulkan driver (Mesa's llvmpipe, see the README).
 */

/** How long the probe waits for Dawn to answer requestAdapter before calling the driver broken. */
const ADAPTER_TIMEOUT_MS = 15_000;

const NO_ADAPTER_REASON =
  'no WebGPU adapter: install a Vulkan driver (on a CPU machine: mesa-vulkan-drivers from bookworm-backports, see README)';

/**
 * tfjs options set when the backend loads (they are registered by the tfjs package's import, so
 * they cannot be set earlier).
 * - WEBGPU_CPU_FORWARD off: by default tfjs-webgpu runs an op on its CPU kernels when every input
 *   is still CPU-resident and smaller than 1000 elements. Then "webgpu" silently computes part of
 *   the work in JavaScript, so correctness tests would not test the GPU path and timings would
 *   mix two backends. With it off every op runs as a WGSL shader.
 * - WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE 64 (tfjs default 15): how many dispatches tfjs records
 *   before it submits a command buffer. One gradient step of a test function is about 34
 *   kernels, so 15 meant two or three submits per step; 64 submits about once per step or less,
 *   which saves submit overhead on a real GPU (not measured yet). On llvmpipe it makes no
 *   difference (Rastrigin-2D descent, 1e5 points: 0.53e6 point-iterations/s at 15, 0.42e6 to
 *   0.51e6 at 64, within run-to-run noise). Reads (data(), array()) flush whatever is pending.
 */
const TFJS_FLAGS: Record<string, number | boolean> = {
  WEBGPU_CPU_FORWARD: false,
  WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE: 64,
};

// Minimal shapes of the WebGPU objects used here (the full types live in @webgpu/types).
interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'low-power' | 'high-performance' }): Promise<unknown>;
}

let gpuPromise: Promise<GpuLike> | undefined;
let probePromise: Promise<BackendProbe> | undefined;

/**
 * Loads dawn.node and installs the WebGPU globals tfjs-webgpu expects (GPUBufferUsage and the
 * other GPU* classes, and navigator.gpu). Done once per process; throws if dawn.node cannot load.
 */
function installWebGpu(): Promise<GpuLike> {
  gpuPromise ??= (async () => {
    quietWayland();
    const { create, globals } = await import('webgpu');
    Object.assign(globalThis, globals);
    const gpu = create([]) as unknown as GpuLike;
    const g = globalThis as { navigator?: object };
    if (g.navigator == null) {
      // Node 20 has no navigator; Node 21 and later define one as a getter on globalThis.
      Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true, writable: true });
    }
    Object.defineProperty(g.navigator!, 'gpu', { value: gpu, configurable: true, writable: true });
    return gpu;
  })();
  return gpuPromise;
}

/**
 * The Vulkan loader may try a Wayland connection, and libwayland prints "XDG_RUNTIME_DIR is
 * invalid or not set" when the variable is unset (containers, CI). Point it at a fresh private
 * directory instead (what a login session would provide: empty, mode 0700), removed at exit.
 */
function quietWayland(): void {
  if (process.env.XDG_RUNTIME_DIR) return;
  try {
    const dir = mkdtempSync(join(tmpdir(), 'basinmap-xdg-'));
    process.env.XDG_RUNTIME_DIR = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  } catch {
    // Only a cosmetic warning is at stake.
  }
}

/**
 * True for adapters that run on the CPU (Mesa llvmpipe/lavapipe, SwiftShader, Dawn's fallback
 * adapter): correct, but slower than the wasm backend, so never picked by default.
 */
export function isSoftwareAdapter(info: AdapterInfoLike): boolean {
  if (info.isFallbackAdapter) return true;
  const text = [info.vendor, info.architecture, info.device, info.description].join(' ').toLowerCase();
  return /\b(software|llvmpipe|lavapipe|swiftshader|softpipe)\b/.test(text);
}

function describeAdapter(info: AdapterInfoLike): string {
  const fields = [
    ['vendor', info.vendor],
    ['architecture', info.architecture],
    ['description', info.description || info.device],
  ].filter(([, v]) => v);
  return fields.length ? fields.map(([k, v]) => `${k} ${v}`).join(', ') : 'adapter without info';
}

function versions(): Record<string, string> {
  return {
    '@tensorflow/tfjs-backend-webgpu': packageVersion('@tensorflow/tfjs-backend-webgpu'),
    webgpu: packageVersion('webgpu'),
  };
}

/**
 * The probe asks for an adapter in a child process: Dawn and the Vulkan driver print warnings on
 * the process's stderr when an adapter is created (llvmpipe reports limits Dawn has to cut down),
 * which a mere probe, e.g. choosing the default backend, must not add to a user's output; and a
 * broken driver that hangs takes only the child with it.
 */
const PROBE_SCRIPT = `
import { create, globals } from 'webgpu';
Object.assign(globalThis, globals);
const adapter = await create([]).requestAdapter({ powerPreference: 'high-performance' });
let info = {};
if (adapter) info = adapter.info ?? (await adapter.requestAdapterInfo?.()) ?? {};
const pick = ({ vendor, architecture, device, description, isFallbackAdapter }) => ({ vendor, architecture, device, description, isFallbackAdapter });
process.stdout.write(JSON.stringify(adapter ? { ...pick(info), isFallbackAdapter: info.isFallbackAdapter ?? adapter.isFallbackAdapter } : null));
process.exit(0);
`;

async function probeWebGpu(): Promise<BackendProbe> {
  quietWayland();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE_SCRIPT], {
    cwd: dirname(fileURLToPath(import.meta.url)),
    encoding: 'utf8',
    timeout: ADAPTER_TIMEOUT_MS,
    env: process.env,
  });
  if (child.error || child.status !== 0) {
    const why = child.error ? firstLine(child.error) : firstLine(child.stderr.split('\n').find((l) => /Error/.test(l)) ?? `exit code ${child.status}`);
    return { available: false, reason: `${NO_ADAPTER_REASON}; the probe failed: ${why}`, versions: versions() };
  }
  const info = JSON.parse(child.stdout || 'null') as AdapterInfoLike | null;
  if (!info) return { available: false, reason: NO_ADAPTER_REASON, versions: versions() };
  return { available: true, device: describeAdapter(info), software: isSoftwareAdapter(info), versions: versions() };
}



export const webgpu: BackendSpec = {
  name: 'webgpu',
  description: 'tfjs WebGPU backend on Dawn (webgpu package; Vulkan on Linux); a software adapter such as llvmpipe is slower than wasm',
  speedRank: 4,
  probe() {
    probePromise ??= probeWebGpu();
    return probePromise;
  },
  async load() {
    const probe = await webgpu.probe();
    if (!probe.available) throw new Error(probe.reason);
    await installWebGpu();
    // navigator.gpu must exist before this import: tfjs-webgpu registers itself only if it does.
    await import('@tensorflow/tfjs-backend-webgpu');
    if (!tf.findBackendFactory('webgpu')) throw new Error('the webgpu backend did not register with tfjs');
    for (const [flag, value] of Object.entries(TFJS_FLAGS)) tf.env().set(flag, value);
  },
};
