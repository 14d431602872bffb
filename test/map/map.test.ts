import { expect, it } from 'vitest';
import { mapBasins } from '../../src/map.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { findLibraryFunction } from '../../src/objectives/library/index.ts';
import { objectiveFromExpression } from '../../src/objectives/expression/objective.ts';
import { makeStartSet } from '../../src/starts/index.ts';
import { matchKnown } from '../../src/basins/match-known.ts';
import type { Objective } from '../../src/objectives/types.ts';
import { describeEachBackend } from '../support/backends.ts';

async function mapOnGrid(o: Objective, counts: number, lr: number) {
  const box = o.box(2);
  const starts = await makeStartSet({ sampler: 'grid', gridCounts: [counts] }, box);
  // The tfjs engine on each backend: the fused engines have specs of their own (test/engines).
  return mapBasins({ objective: o, starts, descent: { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr }), box, sense: 'min' }, engine: 'tfjs' });
}

describeEachBackend('the basin map', () => {
  it('finds exactly the four minima of Himmelblau from a 100 x 100 grid, all global', async () => {
    const o = findLibraryFunction('himmelblau')!;
    const { summary } = await mapOnGrid(o, 100, 0.01);
    expect(summary.basins).toHaveLength(4);
    expect(summary.basins.every((b) => b.global && b.kind === 'minimum')).toBe(true);
    const known = matchKnown(summary.basins, o.known(2), summary.tolerances.distance);
    expect(new Set(known.map((k) => k?.x.join(','))).size).toBe(4);
    expect(summary.counts.converged).toBe(10_000);
    expect(summary.basins.reduce((a, b) => a + b.fraction, 0)).toBeCloseTo(1, 12);
  });

  it('finds the six minima of six-hump camel with the two global ones marked', async () => {
    const o = findLibraryFunction('six-hump-camel')!;
    const { summary } = await mapOnGrid(o, 100, 0.01);
    const minima = summary.basins.filter((b) => b.kind === 'minimum');
    expect(minima).toHaveLength(6);
    expect(summary.basins.filter((b) => b.global)).toHaveLength(2);
    const known = matchKnown(summary.basins, o.known(2), summary.tolerances.distance);
    summary.basins.forEach((b, k) => {
      expect(known[k]?.kind, `basin at ${b.x}`).toBe('minimum');
      expect(b.global).toBe(!!known[k]?.global);
    });
  });

  it('gives the same basin summary from the typed formula as from the built-in function', async () => {
    const o = findLibraryFunction('himmelblau')!;
    const typed = objectiveFromExpression('(x^2+y-11)^2+(x+y^2-7)^2', { box: o.box(2) });
    const a = (await mapOnGrid(o, 40, 0.01)).summary;
    const b = (await mapOnGrid(typed, 40, 0.01)).summary;
    expect(b.basins.map((x) => [x.count, x.global, x.kind])).toEqual(a.basins.map((x) => [x.count, x.global, x.kind]));
    // Same graph up to operation order: end points agree to float32 rounding of the last steps.
    b.basins.forEach((basin, k) => basin.x.forEach((v, j) => expect(v).toBeCloseTo(a.basins[k].x[j], 4)));
    expect(Array.from(b.outcome)).toEqual(Array.from(a.outcome));
  });
});
