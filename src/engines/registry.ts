import { fusedWebgpuEngine } from './fused-webgpu.ts';
import { tfjsEngine } from './tfjs.ts';
import type { Engine } from './types.ts';

/**
 * Every engine, keyed by name: `--engine NAME` is a lookup here. The browser-safe ones register
 * themselves; engines that need Node (worker threads, a C compiler) are registered by the Node
 * entry (src/node/register.ts), so a page bundle never pulls them in.
 */
const ENGINES = new Map<string, Engine>();

export function registerEngine(e: Engine): void {
  ENGINES.set(e.name, e);
}

export function findEngine(name: string): Engine | undefined {
  return ENGINES.get(name);
}

export function engineNames(): string[] {
  return [...ENGINES.keys()];
}

registerEngine(tfjsEngine);
registerEngine(fusedWebgpuEngine);
