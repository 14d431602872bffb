import { tf } from '../../core/tf.ts';
import { UserError } from '../../core/errors.ts';
import { cpu } from './cpu.ts';
import { wasm } from './wasm.ts';
import { webgpu } from './webgpu.ts';
import { tensorflow } from './tensorflow.ts';
import { tensorflowGpu } from './tensorflow-gpu.ts';
import { firstLine } from './versions.ts';
import type { BackendName, BackendProbe, BackendSpec } from './types.ts';

/**
 * Every backend basinmap knows, keyed by the name `--backend` takes.
 *
 * Default ranking (`speedRank`, highest first; `defaultBackend()` takes the first available):
 *   4 webgpu          on a hardware adapter only (Dawn over Vulkan/Metal/D3D12)
 *   3 tensorflow-gpu  libtensorflow with CUDA (@tensorflow/tfjs-node-gpu, optional)
 *   2 tensorflow      libtensorflow on the CPU, multithreaded (@tensorflow/tfjs-node, optional)
 *   1 wasm            WebAssembly SIMD, one thread: about 6.6e6 point-iterations/s
 *   0 cpu             plain JavaScript: about 1.3e6 to 1.6e6 point-iterations/s
 * A software adapter (probe says `software: true`, e.g. webgpu on Mesa llvmpipe: about 0.4e6
 * point-iterations/s) is skipped by the default even though it is available: it is slower than
 * cpu. Numbers are 2-D Rastrigin gradient descent on a 2-core machine (benchmarks/README.md);
 * the order of the two GPU backends against each other is not measured yet.
 */
export const BACKENDS: Record<string, BackendSpec> = Object.fromEntries(
  [cpu, wasm, webgpu, tensorflow, tensorflowGpu].map((b) => [b.name, b]),
);

export function backendNames(): BackendName[] {
  return Object.values(BACKENDS).map((b) => b.name);
}

export async function probeBackend(name: string): Promise<BackendProbe> {
  const spec = BACKENDS[name];
  if (!spec) return { available: false, reason: `unknown backend "${name}"` };
  try {
    return await spec.probe();
  } catch (e) {
    return { available: false, reason: (e as Error).message };
  }
}

/** The fastest backend that is available here, never a software GPU adapter (see BACKENDS). */
export async function defaultBackend(): Promise<BackendName> {
  const specs = Object.values(BACKENDS);
  const probes = await Promise.all(specs.map((s) => probeBackend(s.name)));
  return pickDefault(specs.map((s, i) => ({ name: s.name, speedRank: s.speedRank, probe: probes[i] })));
}

/** The policy alone: the highest-ranked backend that is available and not a software adapter. */
export function pickDefault(candidates: { name: BackendName; speedRank: number; probe: BackendProbe }[]): BackendName {
  const ranked = [...candidates].sort((a, b) => b.speedRank - a.speedRank);
  return ranked.find((c) => c.probe.available && !c.probe.software)?.name ?? 'cpu';
}

/**
 * Makes `name` the active tfjs backend. An unavailable backend is an error carrying the probe's
 * reason: never a silent fall back to another one.
 */
export async function useBackend(name: string): Promise<BackendName> {
  const spec = BACKENDS[name];
  if (!spec) {
    throw new UserError(`unknown backend "${name}": choose one of ${backendNames().join(', ')} (see \`basinmap backends\`)`);
  }
  const probe = await probeBackend(name);
  if (!probe.available) throw new UserError(`backend ${name} is unavailable: ${probe.reason}`);
  try {
    await spec.load();
  } catch (e) {
    throw new UserError(`backend ${name} failed to load: ${firstLine(e)}`, { cause: e });
  }
  // tfjs knows tensorflow-gpu as 'tensorflow', the name both libtensorflow packages register.
  const ok = await tf.setBackend(spec.tfjsName ?? spec.name);
  if (!ok) throw new UserError(`backend ${name} failed to initialise; run \`basinmap backends\` for details`);
  await tf.ready();
  return spec.name;
}
