import { tf } from '../tf.ts';
import { UserError } from '../errors.ts';
import { cpu } from './cpu.ts';
import { wasm } from './wasm.ts';
import type { BackendName, BackendProbe, BackendSpec } from './types.ts';

/** Every backend basinmap knows, keyed by the name `--backend` takes. */
export const BACKENDS: Record<string, BackendSpec> = Object.fromEntries(
  [cpu, wasm].map((b) => [b.name, b]),
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

/** The fastest backend that is available here. */
export async function defaultBackend(): Promise<BackendName> {
  const ranked = Object.values(BACKENDS).sort((a, b) => b.speedRank - a.speedRank);
  for (const spec of ranked) {
    if ((await probeBackend(spec.name)).available) return spec.name;
  }
  return 'cpu';
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
  await spec.load();
  const ok = await tf.setBackend(name);
  if (!ok) throw new UserError(`backend ${name} failed to initialise; run \`basinmap backends\` for details`);
  await tf.ready();
  return spec.name;
}
