import { describe, expect, it } from 'vitest';
import { DESCENT_DEFAULTS, type DescentOptions } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { nativeStatus } from '../../kernels/index.ts';
import { probeBackend, useBackend } from '../../src/backends/registry.ts';
import '../../src/node/register.ts';
import { parseParamFlags } from '../../src/params/axes.ts';
import { paramObjective } from '../../src/params/objective.ts';
import { runParamSweep, type SweepResult } from '../../src/params/sweep.ts';
import { makeStartSet } from '../../src/starts/index.ts';

const box: [number, number][] = [[-2, 2], [-2, 2]];
const PITCHFORK = 'x^4 - a*x^2 + y^2';

async function sweep(engine: string, backend: string, optimizer = 'gd', maxIter = 5000): Promise<SweepResult> {
  await useBackend(backend);
  const axes = parseParamFlags(['a=-1:1:6']);
  // lr: gd stable below 2/50 (f_xx ≤ 50 on the box); adam's steps are ~lr whatever the curvature.
  const descent: DescentOptions = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec(optimizer as 'gd', { lr: 0.01 }), box, sense: 'min', maxIter };
  const starts = await makeStartSet({ sampler: 'grid', gridCounts: [12] }, box);
  return runParamSweep({ objective: paramObjective(PITCHFORK, axes, { box: '-2,2' }), axes, starts, descent, engine, control: { checkEvery: 1 } });
}

/** Which side of x = 0 each (point, start) row ends on: the basin, in words every engine shares. */
const sides = (r: SweepResult) => Array.from({ length: r.results.n }, (_, i) => Math.sign(Math.round(r.results.x[i * 3] * 100)));

/** Every row's parameter column at its end, and the value it started with. */
function paramColumn(r: SweepResult): { end: number[]; start: number[] } {
  const rows = Array.from({ length: r.results.n }, (_, i) => i);
  return { end: rows.map((i) => r.results.x[i * 3 + 2]), start: rows.map((i) => r.results.x0[i * 3 + 2]) };
}

const native = await nativeStatus();
if (!native.available) console.warn(`[skip] native engine in the parameter sweep: ${native.available ? '' : native.why}`);
const webgpu = await probeBackend('webgpu');
if (!webgpu.available) console.warn(`[skip] fused-webgpu in the parameter sweep: ${webgpu.reason}`);

describe('a parameter sweep on every engine', () => {
  const engines: Array<[string, string, boolean]> = [
    ['tfjs', 'wasm', true],
    ['fused-cpu', 'wasm', true],
    ['native', 'wasm', native.available],
    ['fused-webgpu', 'webgpu', webgpu.available],
  ];
  let reference: SweepResult | undefined;

  for (const [engine, backend, available] of engines) {
    it.skipIf(!available)(`${engine} never moves the parameter column and agrees with tfjs start by start`, async () => {
      const r = await sweep(engine, backend);
      expect(r.engine.name).toBe(engine);
      const p = paramColumn(r);
      // Bit for bit: the parameter's gradient is the constant 0, so every step adds exactly 0.
      expect(p.end).toEqual(p.start);
      reference ??= r;
      expect(sides(r)).toEqual(sides(reference));
      for (const [k, s] of r.summaries.entries()) {
        expect(s.basins.map((b) => b.fraction)).toEqual(reference.summaries[k].basins.map((b) => b.fraction));
      }
    });
  }

  it('keeps the parameter fixed under adam too, whose state would move it on any nonzero gradient', async () => {
    // 200 steps: the point is the parameter column, not convergence.
    const r = await sweep('fused-cpu', 'wasm', 'adam', 200);
    const p = paramColumn(r);
    expect(p.end).toEqual(p.start);
    const t = await sweep('tfjs', 'wasm', 'adam', 200);
    expect(paramColumn(t).end).toEqual(p.start);
  });
});
