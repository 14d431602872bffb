import { describe, expect, it } from 'vitest';
import { classifyBasins, classifyEigenvalues } from '../../src/basins/classify.ts';
import { symmetricEigenvalues } from '../../src/basins/eigen.ts';
import { summarize } from '../../src/basins/summarize.ts';
import { fromArray } from '../../src/descent/driver.ts';
import { descendTfjs as descend } from '../support/descend.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { himmelblau } from '../../src/objectives/library/himmelblau.ts';
import { findLibraryFunction } from '../../src/objectives/library/index.ts';
import { hessians } from '../../src/basins/hessian.ts';
import { derivative, parse } from 'mathjs';
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

describeEachBackend('classification of the reference functions', () => {
  it("labels six-hump camel's origin a saddle when descent starts there", async () => {
    const o = findLibraryFunction('six-hump-camel')!;
    // ∇f(0, 0) = 0 exactly: plain gradient descent cannot leave it.
    const r = await descend(o.f, fromArray(new Float32Array([0, 0]), 2), { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.01 }), box: o.box(2), sense: 'min' });
    const s = await classifyBasins(summarize(r, { box: o.box(2), sense: 'min' }), o.f, o.box(2));
    expect(s.basins).toHaveLength(1);
    expect(s.basins[0].kind).toBe('saddle');
    expect(s.basins[0].global).toBe(false);
  });

  for (const name of ['himmelblau', 'six-hump-camel', 'branin', 'beale', 'booth', 'rosenbrock', 'styblinski-tang']) {
    it(`${name}: every listed minimum is a minimum, with the Hessian's eigenvalues of the symbolic second derivatives`, async () => {
      const o = findLibraryFunction(name)!;
      const minima = o.known(2).filter((k) => k.kind === 'minimum');
      const hs = await hessians(o.f, minima.map((m) => m.x), 2);
      minima.forEach((m, k) => {
        const got = symmetricEigenvalues(hs[k], 2);
        const want = symmetricEigenvalues(symbolicHessian(o.expression!(2), m.x), 2);
        expect(classifyEigenvalues(got)).toBe('minimum');
        // float32 autodiff: each second derivative carries rounding of its largest terms, a few
        // ulps of the biggest intermediate (|terms| ≲ 1e3 here): 1e-4 relative to λ_max plus 1e-3.
        const scale = Math.max(...want.map(Math.abs));
        got.forEach((l, i) => expect(Math.abs(l - want[i]), `${name} at ${m.x}`).toBeLessThanOrEqual(1e-4 * scale + 1e-3));
      });
    });
  }

  it("reports Eggholder's global minimum on the box edge as a boundary point under --bounds clip", async () => {
    const o = findLibraryFunction('eggholder')!;
    const box = o.box(2);
    // Starts next to the edge minimum at (512, 404.23): descent presses against x = 512.
    const x0 = new Float32Array([505, 400, 508, 410, 510, 404]);
    const r = await descend(o.f, fromArray(x0, 2), { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.5 }), box, sense: 'min', bounds: 'clip', maxIter: 5000 });
    const s = await classifyBasins(summarize(r, { box, sense: 'min' }), o.f, box);
    const edge = s.basins.find((b) => b.boundary);
    expect(edge, JSON.stringify(s.basins)).toBeDefined();
    expect(edge!.x[0]).toBe(512);
    expect(edge!.x[1]).toBeCloseTo(404.2318, 2);
    expect(edge!.f).toBeCloseTo(-959.6407, 2);
    expect(edge!.global).toBe(true);
  });
});

/** Exact second derivatives of a formula in x, y (or x1, x2) by mathjs's symbolic derivative, in float64. */
function symbolicHessian(expression: string, at: number[]): number[] {
  const vars = /\bx1\b/.test(expression) ? ['x1', 'x2'] : ['x', 'y'];
  const scope = Object.fromEntries(vars.map((v, j) => [v, at[j]]));
  const node = parse(expression);
  return vars.flatMap((a) => vars.map((b) => derivative(derivative(node, a), b).evaluate(scope) as number));
}
