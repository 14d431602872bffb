import { probeBackend } from '../backends/registry.ts';
import type { BackendProbe } from '../backends/types.ts';
import type { DescentOptions } from '../descent/options.ts';
import type { Objective } from '../objectives/types.ts';

/**
 * Bench rows for the fused kernels: `fused-cpu` (SIMD wasm on every core) and `fused-webgpu`
 * (WGSL through tfjs-backend-webgpu). They sit in the backend column so that their ratios are
 * measured in the same run as the tfjs backends'. Each names the tfjs backend it runs beside:
 * fused-cpu needs none for the descent (wasm is activated for anything tfjs does around it).
 */
export const FUSED_ROWS: Record<string, { tfjsBackend: string; target: 'cpu' | 'webgpu' }> = {
  'fused-cpu': { tfjsBackend: 'wasm', target: 'cpu' },
  'fused-webgpu': { tfjsBackend: 'webgpu', target: 'webgpu' },
};

export function isFusedRow(name: string): boolean {
  return name in FUSED_ROWS;
}

/** The tfjs backend a bench row activates. */
export function tfjsBackendOf(row: string): string {
  return FUSED_ROWS[row]?.tfjsBackend ?? row;
}

export async function probeRow(row: string): Promise<BackendProbe> {
  const fused = FUSED_ROWS[row];
  if (!fused) return probeBackend(row);
  const p = await probeBackend(fused.tfjsBackend);
  if (!p.available) return { ...p, reason: `${row} runs through ${fused.tfjsBackend}: ${p.reason}` };
  return { ...p, device: fused.target === 'cpu' ? 'fused SIMD WebAssembly kernel, every core' : `fused WGSL kernel on ${p.device}` };
}

/**
 * A compiled fused kernel for this objective and these options, or undefined for tfjs rows.
 * Compilation happens in the first (warm-up) run of a cell, never in a timed one.
 */
export async function fusedEngineFor(row: string, objective: Objective, d: number, descent: DescentOptions) {
  if (!isFusedRow(row)) return undefined;
  const { chooseEngine } = await import('../engines/choose.ts');
  const choice = await chooseEngine(objective, d, descent, { engine: 'fused', dtype: 'float32', backend: tfjsBackendOf(row) });
  return choice.kind === 'fused' ? choice : undefined;
}
