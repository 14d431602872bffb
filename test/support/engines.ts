/**
 * BASINMAP_TEST_BACKENDS narrows the engine specs too: it lists tfjs backends and/or engine
 * names. An engine's specs run when the list is unset, names the engine, or names the tfjs
 * backend it belongs with (fused-webgpu: webgpu; fused-cpu, native and native-fast: wasm or cpu).
 */
const wanted = process.env.BASINMAP_TEST_BACKENDS?.split(',').map((s) => s.trim()).filter(Boolean);
const BACKEND_OF: Record<string, string[]> = { 'fused-webgpu': ['webgpu'], 'fused-cpu': ['wasm', 'cpu'], native: ['wasm', 'cpu'], 'native-fast': ['wasm', 'cpu'] };

export function engineWanted(engine: string): boolean {
  return !wanted || wanted.includes(engine) || (BACKEND_OF[engine] ?? []).some((b) => wanted.includes(b));
}
