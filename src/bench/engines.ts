import { probeBackend } from '../backends/registry.ts';
import type { BackendProbe } from '../backends/types.ts';
import type { DescentOptions } from '../../core/options.ts';
import { chooseEngine } from '../engines/choose.ts';
import type { Compiled } from '../engines/types.ts';
import type { Objective } from '../objectives/types.ts';
// The bench's engine rows name the Node-only engines (native, fused-cpu): register them here, where
// they are chosen, not in whichever command happens to load first.
import '../node/register.ts';

/**
 * Bench rows that are engines rather than tfjs backends: `fused-cpu` (SIMD wasm on every core),
 * `fused-webgpu` (WGSL through tfjs-backend-webgpu), `fused-native` (compiled C, where it is
 * registered) and `fused-native-fast` (the same with fused multiply-adds; only when asked for). They sit in the backend column so that their ratios are measured in the same run
 * as the tfjs backends'. Each names the tfjs backend it runs beside (activated for anything tfjs
 * does around it). Every other row is a tfjs backend running the tfjs engine.
 */
export const ENGINE_ROWS: Record<string, { tfjsBackend: string; engine: string; device: (p: BackendProbe) => string }> = {
  'fused-cpu': { tfjsBackend: 'wasm', engine: 'fused-cpu', device: () => 'fused SIMD WebAssembly kernel, every core' },
  'fused-native': { tfjsBackend: 'wasm', engine: 'native', device: () => 'fused kernel as C compiled for this CPU, every core' },
  'fused-native-fast': { tfjsBackend: 'wasm', engine: 'native-fast', device: () => 'fused kernel as C with fused multiply-adds (not bit-identical), every core' },
  'fused-webgpu': { tfjsBackend: 'webgpu', engine: 'fused-webgpu', device: (p) => `fused WGSL kernel on ${p.device}` },
};

export function isEngineRow(name: string): boolean {
  return name in ENGINE_ROWS;
}

/** The tfjs backend a bench row activates. */
export function tfjsBackendOf(row: string): string {
  return ENGINE_ROWS[row]?.tfjsBackend ?? row;
}

export async function probeRow(row: string): Promise<BackendProbe> {
  const spec = ENGINE_ROWS[row];
  if (!spec) return probeBackend(row);
  const p = await probeBackend(spec.tfjsBackend);
  if (!p.available) return { ...p, reason: `${row} runs through ${spec.tfjsBackend}: ${p.reason}` };
  return { ...p, device: spec.device(p) };
}

/**
 * The row's engine compiled for this objective and these options: the fused kernel of an engine
 * row, the tfjs engine otherwise. Compilation happens in the first (warm-up) run of a cell, never
 * in a timed one.
 */
export async function engineFor(row: string, objective: Objective, d: number, descent: DescentOptions): Promise<Compiled> {
  const choice = await chooseEngine({ objective, d, descent, dtype: 'float32' }, ENGINE_ROWS[row]?.engine ?? 'tfjs', { backend: tfjsBackendOf(row) });
  return choice.compiled;
}
