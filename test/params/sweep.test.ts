import { describe, expect, it } from 'vitest';
import { DESCENT_DEFAULTS, type DescentOptions } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { useBackend } from '../../src/backends/registry.ts';
import '../../src/node/register.ts';
import { parseParamFlags } from '../../src/params/axes.ts';
import { paramObjective } from '../../src/params/objective.ts';
import { runParamSweep } from '../../src/params/sweep.ts';
import { makeStartSet } from '../../src/starts/index.ts';

// The pitchfork x^4 − a·x^2 + y^2: one minimum (0, 0) for a < 0; for a > 0 the origin is a
// saddle and the minima are (±√(a/2), 0), each with half of a grid symmetric about x = 0.
const PITCHFORK = 'x^4 - a*x^2 + y^2';
const box: [number, number][] = [[-2, 2], [-2, 2]];
// lr 0.01: the largest curvature on the box is f_xx = 12·2² + 2 = 50 (x = ±2, a = −1), and
// gradient descent is stable for lr < 2/50 = 0.04.
const descent: DescentOptions = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.01 }), box, sense: 'min', maxIter: 5000 };
// Values straddling 0, none at 0 (where x^4 alone is too flat to converge in maxIter).
const AXES = () => parseParamFlags(['a=-1:1:6']);

async function sweep(engine: string) {
  await useBackend('wasm');
  const axes = AXES();
  // An even grid has no start on x = 0, so for a > 0 the two halves split exactly.
  const starts = await makeStartSet({ sampler: 'grid', gridCounts: [20] }, box);
  return runParamSweep({ objective: paramObjective(PITCHFORK, axes, { box: '-2,2' }), axes, starts, descent, engine });
}

describe('a parameter sweep of the pitchfork x^4 − a x^2 + y^2', () => {
  it('finds one minimum for a < 0 and two for a > 0, with fractions 1 then 1/2 and 1/2', async () => {
    const r = await sweep('auto');
    expect(r.points.map((p) => Number(p[0].toFixed(12)))).toEqual([-1, -0.6, -0.2, 0.2, 0.6, 1]);
    r.summaries.forEach((s, k) => {
      const a = r.points[k][0];
      const minima = s.basins.filter((b) => b.kind === 'minimum');
      expect(s.counts.converged).toBe(400);
      if (a < 0) {
        expect(minima.map((b) => b.fraction)).toEqual([1]);
        // 1e-3: gtol 1e-4 over the curvature at the origin (≥ 2·0.2 = 0.4) puts x within 2.5e-4.
        expect(Math.abs(minima[0].x[0])).toBeLessThan(1e-3);
      } else {
        // Exactly 1/2: the grid is symmetric about x = 0 and float32 descent keeps the symmetry.
        expect(minima.map((b) => b.fraction)).toEqual([0.5, 0.5]);
        // 1e-3: f_xx at the minimum is 4a ≥ 0.8, so gtol 1e-4 puts x within ~1.3e-4.
        for (const b of minima) expect(Math.abs(Math.abs(b.x[0]) - Math.sqrt(a / 2))).toBeLessThan(1e-3);
      }
    });
  });

  it('marks the bifurcation between a = −0.2 and a = 0.2, and the tipping matrix splits the origin’s starts in half', async () => {
    const r = await sweep('auto');
    const [line] = r.continuation.lines;
    expect(r.continuation.lines).toHaveLength(1);
    const events = line.events.map((e) => ({ kind: e.kind, between: e.between.map((v) => Number(v.toFixed(6))) }));
    // The branch at the origin continues into one of the new minima (they are within the match
    // distance); the other one appears: the number of minima changes only across a = 0.
    expect(events).toEqual([{ kind: 'appear', between: [-0.2, 0.2] }]);
    const across = line.tipping[2];
    expect(across.from).toEqual([0, -1]);
    expect(across.to).toHaveLength(3);
    // Rows: the origin's branch holds every start and sends half to each new minimum.
    expect(across.share[0].slice(0, 2).map((v) => Number(v.toFixed(6)))).toEqual([0.5, 0.5]);
    // Before and after the bifurcation nobody changes basin.
    expect(line.tipping[0].share[0][0]).toBeCloseTo(1, 6);
    expect(line.tipping[4].share.map((row) => row.map((v) => Number(v.toFixed(6))))).toEqual([[0.5, 0, 0], [0, 0.5, 0], [0, 0, 0]]);
  });
});

describe('a grid of two parameters', () => {
  it('follows the first parameter on one line per value of the second, all in one run', async () => {
    await useBackend('wasm');
    const axes = parseParamFlags(['a=-1,1', 'b=1,2']);
    const starts = await makeStartSet({ sampler: 'grid', gridCounts: [6] }, box);
    // b·y² with b ≤ 2: f_yy ≤ 4, below f_xx's bound of 50, so lr 0.01 stays stable.
    const r = await runParamSweep({ objective: paramObjective('x^4 - a*x^2 + b*y^2', axes, { box: '-2,2' }), axes, starts, descent, engine: 'fused-cpu' });
    expect(r.points).toEqual([[-1, 1], [-1, 2], [1, 1], [1, 2]]);
    expect(r.results.n).toBe(4 * 36);
    expect(r.continuation.lines.map((l) => ({ fixed: l.fixed, values: l.values, points: l.points }))).toEqual([
      { fixed: { b: 1 }, values: [-1, 1], points: [0, 2] },
      { fixed: { b: 2 }, values: [-1, 1], points: [1, 3] },
    ]);
    for (const line of r.continuation.lines) expect(line.branches.at(-1)!.points.at(-1)!.value).toBe(1);
  });
});
