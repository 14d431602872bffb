import type { StartResults } from './types.ts';

export function allocateResults(n: number, d: number): StartResults {
  return {
    n,
    d,
    x0: new Float32Array(n * d),
    x: new Float32Array(n * d),
    fun: new Float32Array(n),
    gradNorm: new Float32Array(n),
    nit: new Int32Array(n),
    status: new Uint8Array(n),
  };
}
