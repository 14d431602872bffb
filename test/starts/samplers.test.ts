import { describe, expect, it } from 'vitest';
import type { StartSpec } from '../../src/starts/index.ts';
import { allRows, awkwardBox, expectInsideBox, syncSet, unitCube } from './support.ts';

const seeded: StartSpec['sampler'][] = ['uniform', 'lhs', 'sobol', 'halton'];
const specs: StartSpec[] = [
  { sampler: 'grid', gridCounts: [7, 5, 3, 2] },
  ...seeded.map((sampler) => ({ sampler, n: 257, seed: 11 })),
  ...(['sobol', 'halton'] as const).map((sampler) => ({ sampler, n: 257 })),
];
const label = (s: StartSpec) => `${s.sampler}${s.seed === undefined ? '' : ` seed ${s.seed}`}`;

describe.each(specs)('every sampler ($sampler)', (spec) => {
  it(`${label(spec)} keeps every start inside the box`, () => {
    expectInsideBox(allRows(syncSet(spec, awkwardBox)), awkwardBox);
  });

  it(`${label(spec)} stays inside a box of huge extent`, () => {
    const huge = unitCube(4).map(() => [-3e38, 3e38] as [number, number]);
    expectInsideBox(allRows(syncSet(spec, huge)), huge);
  });

  it(`${label(spec)} gives rows(from, count) equal to that slice of the whole set`, () => {
    const set = syncSet(spec, awkwardBox);
    const whole = allRows(set);
    const d = set.d;
    for (const [from, count] of [
      [0, 1],
      [1, 64],
      [100, 57],
      [set.n - 3, 3],
      [set.n, 0],
      [129, 0],
    ]) {
      expect(set.rows(from, count)).toEqual(whole.slice(from * d, (from + count) * d));
    }
  });

  it(`${label(spec)} gives the same rows when built again from the same spec`, () => {
    expect(allRows(syncSet(spec, awkwardBox))).toEqual(allRows(syncSet({ ...spec }, awkwardBox)));
  });

  it(`${label(spec)} returns float32 rows shaped [count, d]`, () => {
    const set = syncSet(spec, awkwardBox);
    const rows = set.rows(3, 10);
    expect(rows).toBeInstanceOf(Float32Array);
    expect(rows.length).toBe(10 * set.d);
    expect(set.d).toBe(awkwardBox.length);
  });
});

describe.each(seeded)('the %s sampler', (sampler) => {
  const box = unitCube(3);
  const rowsFor = (seed?: number) => allRows(syncSet({ sampler, n: 200, seed }, box));

  it('gives different points for different seeds, on almost every row', () => {
    const [a, b] = [rowsFor(1), rowsFor(2)];
    let differing = 0;
    for (let r = 0; r < 200; r++) if (a.slice(3 * r, 3 * r + 3).some((x, j) => x !== b[3 * r + j])) differing++;
    expect(differing).toBeGreaterThan(190);
  });

  it('treats a missing seed as seed 0', () => {
    expect(rowsFor(undefined)).toEqual(rowsFor(0));
  });

  it('accepts seeds beyond 32 bits and tells them apart', () => {
    expect(rowsFor(2 ** 40 + 1)).not.toEqual(rowsFor(1));
    expect(rowsFor(-1)).not.toEqual(rowsFor(2 ** 32 - 1));
  });

  it('names its sampler, size and seed in describe', () => {
    const text = syncSet({ sampler, n: 200, seed: 5 }, box).describe;
    expect(text).toContain(sampler);
    expect(text).toContain('200');
    expect(text).toContain('5');
  });
});

describe('the grid sampler', () => {
  it('ignores the seed: every seed gives the same mesh', () => {
    const box = unitCube(2);
    expect(allRows(syncSet({ sampler: 'grid', gridCounts: [4], seed: 1 }, box))).toEqual(
      allRows(syncSet({ sampler: 'grid', gridCounts: [4], seed: 2 }, box)),
    );
  });
});

describe('splitting a large set', () => {
  it.each(['uniform', 'lhs', 'sobol', 'halton'] as const)('%s: a late window of a 10^8 set matches its rows computed one at a time', (sampler) => {
    const set = syncSet({ sampler, n: 1e8, seed: 3 }, unitCube(2));
    const window = set.rows(99_999_990, 10);
    for (let r = 0; r < 10; r++) expect(set.rows(99_999_990 + r, 1)).toEqual(window.slice(2 * r, 2 * r + 2));
    expectInsideBox(window, unitCube(2));
  });

  it('grid: a 10000 x 10000 mesh addresses its last row without overflow', () => {
    const set = syncSet({ sampler: 'grid', gridCounts: [10000, 10000] }, unitCube(2));
    expect(set.n).toBe(1e8);
    expect(Array.from(set.rows(1e8 - 1, 1))).toEqual([1, 1]);
    expect(Array.from(set.rows(10000, 1))).toEqual([0, Math.fround(1 / 9999)]);
  });
});
