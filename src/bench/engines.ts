import { probeBackend } from '../backends/registry.ts';
import type { BackendProbe } from '../backends/types.ts';
import type { DescentOptions } from '../descent/options.ts';
import type { EngineChoice } from '../engines/choose.ts';
import type { Objective } from '../objectives/types.ts';
import type { FusedTarget } from '../../kernels/types.ts';

/**
 * Bench rows for the fused kernels: `fused-cpu` (SIMD wasm on every core), `fused-native` (the
 * same kernel as C, compiled by the system compiler for this CPU, kernels/native/) and
 * `fused-webgpu` (WGSL through tfjs-backend-webgpu). They sit in the backend column so that
 * their ratios are measured in the same run as the tfjs backends'. Each names the tfjs backend
 * it runs beside: fused-cpu and fused-native need none for the descent (wasm is activated for
 * anything tfjs does around it).
 */
export const FUSED_ROWS: Record<string, { tfjsBackend: string; target: FusedTarget }> = {
  'fused-cpu': { tfjsBackend: 'wasm', target: 'cpu' },
  'fused-native': { tfjsBackend: 'wasm', target: 'native' },
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
  if (fused.target === 'native') {
    const { nativeStatus } = await import('../../kernels/index.ts');
    const s = await nativeStatus();
    return s.available ? { ...p, device: `fused C kernel, ${s.describe}` } : { available: false, reason: `${row}: ${s.why}` };
  }
  return { ...p, device: fused.target === 'cpu' ? 'fused SIMD WebAssembly kernel, every core' : `fused WGSL kernel on ${p.device}` };
}

/**
 * A compiled fused kernel for this objective and these options, or undefined for tfjs rows.
 * Compilation happens in the first (warm-up) run of a cell, never in a timed one.
 */
export async function fusedEngineFor(row: string, objective: Objective, d: number, descent: DescentOptions): Promise<Extract<EngineChoice, { kind: 'fused' }> | undefined> {
  if (!isFusedRow(row)) return undefined;
  if (FUSED_ROWS[row].target === 'native') {
    // Not through chooseEngine, which picks among the engines the CLI offers; the bench names its row.
    if (!objective.expression) return undefined;
    const [{ compileFused }, { parseExpression }] = await Promise.all([import('../../kernels/index.ts'), import('../objectives/expression/parse.ts')]);
    const runner = await compileFused(parseExpression(objective.expression(d), { dim: d }).expr, d, descent, { target: 'native', dtype: 'float32' });
    return { kind: 'fused', target: 'native', dtype: 'float32', runner, reason: `${objective.title} compiles: C for this CPU, float32` };
  }
  const { chooseEngine } = await import('../engines/choose.ts');
  const choice = await chooseEngine(objective, d, descent, { engine: 'fused', dtype: 'float32', backend: tfjsBackendOf(row) });
  return choice.kind === 'fused' ? choice : undefined;
}
