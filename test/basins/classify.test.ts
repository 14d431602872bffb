import { describe, expect, it } from 'vitest';
import { classifyBasins, classifyEigenvalues } from '../../src/basins/classify.ts';
import { symmetricEigenvalues } from '../../src/basins/eigen.ts';
import { summarize } from '../../src/basins/summarize.ts';
import { descend, fromArray } from '../../src/descent/run.ts';
import { DESCENT_DEFAULTS } from '../../src/descent/options.ts';
import { optimizerSpec } from '../../src/optimizers/index.ts';
import { himmelblau } from '../../src/objectives/library/himmelblau.ts';
import { describeEachBackend } from '../support/backends.ts';

describe('symmetric eigenvalues', () => {
  it('match a hand-solved 2x2 and a diagonal 3x3', () => {
    // [[2,1],[1,2]] has eigenvalues 1 and 3.
    const e = symmetricEigenvalues([2, 1, 1, 2], 2);
    expect(e[0]).toBeCloseTo(1, 12);
    expect(e[1]).toBeCloseTo(3, 12);
    expect(symmetricEigenvalues([5, 0, 0, 0, -1, 0, 0, 0, 2], 3)).toEqual([-1, 2, 5]);
  });
  it('classify by sign, with near-zero eigenvalues degenerate', () => {
    expect(classifyEigenvalues([1, 3])).toBe('minimum');
    expect(classifyEigenvalues([-1, 3])).toBe('saddle');
    expect(classifyEigenvalues([-2, -1])).toBe('maximum');
    expect(classifyEigenvalues([1e-9, 3])).toBe('degenerate');
  });
});

describeEachBackend('classification by the Hessian', () => {
  const known = himmelblau.known(2);
  it("labels Himmelblau's four saddles as saddles when descent starts on them, and its minima as minima", async () => {
    // Saddles are stationary: a start placed on one has |g| ~ float32 noise and stops there at once.
    const pts = known.filter((k) => k.kind !== 'maximum');
    const r = await descend(himmelblau.f, fromArray(Float32Array.from(pts.flatMap((p) => p.x)), 2), {
      ...DESCENT_DEFAULTS, gtol: 1e-3, optimizer: optimizerSpec('gd', { lr: 1e-4 }), box: himmelblau.box(2), sense: 'min',
    }, { checkEvery: 1 });
    const s = await classifyBasins(summarize(r, { box: himmelblau.box(2), sense: 'min' }), himmelblau.f, himmelblau.box(2));
    for (const p of pts) {
      const b = s.basins.find((b) => b.x.every((v, j) => Math.abs(v - p.x[j]) < 1e-3))!;
      expect(b, `basin at ${p.x}`).toBeDefined();
      expect(b.kind).toBe(p.kind);
      expect(b.global).toBe(p.kind === 'minimum');
    }
  });
});
