import { beforeAll, describe, expect, it } from 'vitest';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { useBackend } from '../../src/backends/registry.ts';
import { matchKnown } from '../../src/basins/match-known.ts';
import { F_TIE_RELATIVE } from '../../src/basins/tolerances.ts';
import { mapBasins } from '../../src/map.ts';
import { findLibraryFunction } from '../../src/objectives/library/index.ts';
import type { KnownPoint } from '../../src/objectives/types.ts';
import { findSaddles } from '../../src/saddles/find.ts';
import { makeStartSet } from '../../src/starts/index.ts';
import '../../src/node/register.ts';

beforeAll(async () => {
  // One backend is enough here: the descents run on the engine auto picks, the Hessians on tfjs.
  await useBackend('wasm');
});

async function mapAndSearch(name: string, grid: number, lr: number, d = 2) {
  const objective = findLibraryFunction(name)!;
  const box = objective.box(d);
  const starts = await makeStartSet({ sampler: 'grid', gridCounts: [grid] }, box);
  const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr }), box, sense: 'min' as const };
  const map = await mapBasins({ objective, starts, descent });
  const report = await findSaddles({ objective, d, descent, dtype: 'float32', engine: map.engine.name, starts, dims: new Array<number>(d).fill(grid), summary: map.summary });
  const known = objective.known(d);
  const distance = map.summary.tolerances.distance;
  const minimaKnown = matchKnown(map.summary.basins, known, distance);
  return { objective, map, report, known, distance, minimaKnown, saddlesKnown: report.listed };
}

type Run = Awaited<ReturnType<typeof mapAndSearch>>;

/** The listed minimum each found saddle joins, as indices into the function's known list. */
function joinedKnown(run: Run): number[][] {
  return run.report.saddles.map((s) => s.minima.map((id) => run.known.indexOf(run.minimaKnown[id]!)).sort((a, b) => a - b));
}

// f(saddle) and f(minimum) are each float32 evaluations at float32 points: the project counts f
// values within sqrt(eps32)·(1 + |f|) as equal (basins/tolerances.ts), and a barrier is a
// difference of two such values, so it may be off by twice that.
const barrierTolerance = (f: number) => 2 * F_TIE_RELATIVE * (1 + Math.abs(f));

function expectBarriersMatch(run: Run): void {
  run.report.saddles.forEach((s, k) => {
    const listed = run.saddlesKnown.known[k]!;
    s.minima.forEach((id, side) => {
      const min = run.minimaKnown[id]!;
      const expected = listed.f - min.f;
      expect(Math.abs(s.barriers[side] - expected), `barrier ${side} of the saddle at ${listed.x}`).toBeLessThanOrEqual(barrierTolerance(listed.f));
    });
  });
}

function expectFirstOrder(run: Run): void {
  for (const s of run.report.saddles) {
    expect(s.gradNorm).toBeLessThanOrEqual(run.report.tolerances.gradient);
    expect(s.eigenvalues.filter((l) => l < 0)).toHaveLength(1);
    expect(s.eigenvalues.slice(1).every((l) => l > 0)).toBe(true);
  }
}

const listedSaddles = (known: KnownPoint[]) => known.filter((k) => k.kind === 'saddle');

describe('saddles found from the basin map', () => {
  it("finds Himmelblau's four saddles, each joining two of its minima, with barrier heights within float32 tolerance", async () => {
    const run = await mapAndSearch('himmelblau', 50, 0.01);
    expect(run.report.saddles).toHaveLength(4);
    expect(run.saddlesKnown.missed).toEqual([]);
    expect(run.saddlesKnown.known.every((k) => k !== undefined)).toBe(true);
    expectFirstOrder(run);
    expectBarriersMatch(run);
    // The minima are (3, 2), (3.58, −1.85), (−3.78, −3.28), (−2.81, 3.13) (known list 0..3); each
    // saddle lies between the two minima of its neighbouring quadrants.
    expect(joinedKnown(run)).toEqual([[0, 1], [0, 3], [2, 3], [1, 2]]);
  });

  it("finds all seven of six-hump camel's saddles and the minima each one joins", async () => {
    const run = await mapAndSearch('six-hump-camel', 60, 0.01);
    expect(run.saddlesKnown.missed).toEqual([]);
    expect(run.report.saddles).toHaveLength(listedSaddles(run.known).length);
    expectFirstOrder(run);
    expectBarriersMatch(run);
    // Known minima 0, 1: the two global ones; 2, 3: f −0.2155; 4, 5: f 2.1043. The list comes in
    // mirror pairs (f(x, y) = f(−x, −y)), and the saddle at the origin joins the two global minima.
    const pairs = joinedKnown(run).map((p) => p.join('-'));
    expect(pairs[0]).toBe('0-1');
    expect(new Set(pairs)).toEqual(new Set(['0-1', '0-2', '1-3', '2-4', '3-5', '1-4', '0-5']));
  });

  it("finds Styblinski–Tang's four saddles and Branin's two listed ones", async () => {
    for (const [name, grid, lr] of [['styblinski-tang', 50, 0.01], ['branin', 60, 0.03]] as const) {
      const run = await mapAndSearch(name, grid, lr);
      const box = run.objective.box(2);
      const inBox = run.report.saddles.filter((s) => s.x.every((v, j) => v >= box[j][0] && v <= box[j][1]));
      console.log(`${name}: ${run.report.saddles.length} saddles found (${inBox.length} in the box), ${listedSaddles(run.known).length} listed, missed ${JSON.stringify(run.saddlesKnown.missed.map((k) => k.x))}`);
      expect(run.saddlesKnown.missed, name).toEqual([]);
      // Every saddle in the box is a listed one (outside it, Branin has more: the list stops at the box).
      inBox.forEach((s) => expect(run.saddlesKnown.known[run.report.saddles.indexOf(s)], `${name} saddle at ${s.x}`).toBeDefined());
      expectFirstOrder(run);
    }
  });
});

describe('saddles of a 3-D map', () => {
  it("finds the twelve first-order saddles of Styblinski–Tang in 3-D from a 12 × 12 × 12 grid, and none of index 2", async () => {
    // 3 coordinates × 2² choices of the other two: 12 index-1 saddles, one coordinate at the term's maximum 0.157.
    const run = await mapAndSearch('styblinski-tang', 12, 0.01, 3);
    expect(run.map.summary.basins).toHaveLength(8);
    expect(run.report.saddles).toHaveLength(12);
    expect(run.saddlesKnown.missed).toEqual([]);
    expect(run.saddlesKnown.known.every((k) => k !== undefined)).toBe(true);
    expectFirstOrder(run);
    expectBarriersMatch(run);
  });
});

describe('a map with one basin', () => {
  it('has no boundary, so no saddle, and descends nothing', async () => {
    const run = await mapAndSearch('sphere', 10, 0.1);
    expect(run.map.summary.basins).toHaveLength(1);
    expect(run.report.saddles).toEqual([]);
    expect(run.report.search.batches).toBe(0);
  });
});
