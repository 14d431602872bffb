import { describe, expect, it } from 'vitest';
import { DESCENT_DEFAULTS, type DescentOptions } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import type { StartResults } from '../../core/results.ts';
import { fromArray, runStarts } from '../../src/descent/driver.ts';
import { fusedCpuEngine } from '../../src/engines/fused-cpu.ts';
import { findLibraryFunction } from '../../src/objectives/library/index.ts';

const himmelblau = findLibraryFunction('himmelblau')!;
const descent: DescentOptions = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.01 }), box: himmelblau.box(2), sense: 'min', maxIter: 300 };
const starts = () => Float32Array.from({ length: 2 * 50 }, (_, i) => -5 + ((i * 37) % 100) / 10);

async function compiled() {
  return fusedCpuEngine.compile({ objective: himmelblau, d: 2, descent, dtype: 'float32' }, { backend: 'wasm' });
}

describe('the driver', () => {
  it("returns the engine's own columns for a run of one chunk, with x0 its own copy of the starts", async () => {
    const c = await compiled();
    const returned: StartResults[] = [];
    const watched = { ...c, runChunk: async (x: Float32Array, ctl: Parameters<typeof c.runChunk>[1]) => { const r = await c.runChunk(x, ctl); returned.push(r); return r; } };
    const x0 = starts();
    const r = await runStarts(watched, fromArray(x0, 2), descent.maxIter);
    // Adopted, not copied into a second set of columns.
    expect(returned).toHaveLength(1);
    expect(r.x).toBe(returned[0].x);
    expect(Array.from(r.x0)).toEqual(Array.from(x0));
    x0.fill(0);
    // The caller's array is theirs: the results do not share it.
    expect(r.x0.some((v) => v !== 0)).toBe(true);
  });

  it('gives the same results chunk by chunk (7 rows a chunk) as in one chunk', async () => {
    const c = await compiled();
    const whole = await runStarts(c, fromArray(starts(), 2), descent.maxIter);
    const chunked = await runStarts(c, fromArray(starts(), 2), descent.maxIter, { chunkRows: 7 });
    for (const col of ['x0', 'x', 'fun', 'gradNorm', 'nit', 'status'] as const) expect(Array.from(chunked[col]), col).toEqual(Array.from(whole[col]));
  });

  it("chunks by the engine's preferred rows where the caller sets none, and by the caller's where it does", async () => {
    const c = await compiled();
    const sizes: number[] = [];
    const counting = { ...c, chunkRows: 20, runChunk: (x0: Float32Array, ctl: Parameters<typeof c.runChunk>[1]) => { sizes.push(x0.length / 2); return c.runChunk(x0, ctl); } };
    await runStarts(counting, fromArray(starts(), 2), descent.maxIter);
    expect(sizes).toEqual([20, 20, 10]);
    sizes.length = 0;
    await runStarts(counting, fromArray(starts(), 2), descent.maxIter, { chunkRows: 30 });
    expect(sizes).toEqual([30, 20]);
  });
});
