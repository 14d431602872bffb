import { describe, expect, it } from 'vitest';
import type { Basin, BasinSummary } from '../../src/basins/types.ts';
import { legendItems, legendView } from '../../src/plot/basin-map.ts';
import { planeOf } from '../../src/plot/plane.ts';
import { basinColours } from '../../src/plot/basin-colours.ts';
import { contourLevels, contourLines } from '../../src/plot/contours.ts';
import { formatValue } from '../../src/plot/format.ts';
import { BASIN_PALETTE, DIVERGED_COLOUR, FLAT_COLOUR, NOT_CONVERGED_COLOUR, OTHERS_COLOUR } from '../../src/plot/palette.ts';

const basin = (id: number, count: number, global = false): Basin => ({ id, x: [id, 0], f: id, count, fraction: count / 1000, global });

describe('basin colours', () => {
  it('has at least 20 distinct colours, none of them a grey or the "others" colour', () => {
    expect(BASIN_PALETTE.length).toBeGreaterThanOrEqual(20);
    const all = [...BASIN_PALETTE, OTHERS_COLOUR, FLAT_COLOUR, NOT_CONVERGED_COLOUR, DIVERGED_COLOUR];
    expect(new Set(all).size).toBe(all.length);
  });

  it('colours every basin when there are at most 20', () => {
    const c = basinColours(Array.from({ length: 20 }, (_, i) => basin(i, 10)));
    expect(c.others).toBeUndefined();
    expect(c.colourOf).toEqual(BASIN_PALETTE.slice(0, 20));
  });

  it('beyond 20 keeps the global basins and then the largest, 20 in all, and merges the rest', () => {
    // 30 basins: id 0 global but tiny, ids 1..29 with counts growing with id.
    const basins = Array.from({ length: 30 }, (_, i) => basin(i, i === 0 ? 1 : i, i === 0));
    const c = basinColours(basins);
    expect(c.shown.map((b) => b.id)).toEqual([0, ...Array.from({ length: 19 }, (_, k) => 11 + k)]);
    // Merged: ids 1..10, 55 starts of 1000.
    expect(c.others).toEqual({ basins: 10, count: 55, fraction: expect.closeTo(0.055, 12) });
    expect(c.colourOf.filter((col) => col === OTHERS_COLOUR)).toHaveLength(10);
    expect(new Set(c.shown.map((b) => c.colourOf[b.id])).size).toBe(20);
  });

  it('gives plateau end points one colour of their own, outside the ranking', () => {
    const basins = [basin(0, 5, true), { ...basin(1, 1), kind: 'degenerate' as const, flat: true }, { ...basin(2, 1), kind: 'degenerate' as const, flat: true }];
    const c = basinColours(basins);
    expect(c.shown.map((b) => b.id)).toEqual([0]);
    expect(c.colourOf).toEqual([BASIN_PALETTE[0], FLAT_COLOUR, FLAT_COLOUR]);
    expect(c.flat).toMatchObject({ endPoints: 2, count: 2, ids: [1, 2] });
  });
});

describe('contour levels', () => {
  it('are log-spaced above the minimum when f spans decades, evenly spaced otherwise', () => {
    // x⁴ on [0, 10]: most of the range is near 0, f reaches 1e4.
    const steep = Float32Array.from({ length: 1000 }, (_, i) => (i / 100) ** 4);
    const s = contourLevels(steep, 15);
    expect(s.log).toBe(true);
    const ratios = s.levels.slice(1).map((v, k) => v / s.levels[k]);
    expect(Math.max(...ratios) / Math.min(...ratios)).toBeLessThan(1.2);
    const flat = Float32Array.from({ length: 1000 }, (_, i) => 5 + i / 1000);
    const f = contourLevels(flat, 15);
    expect(f.log).toBe(false);
    expect(f.levels.length).toBeGreaterThanOrEqual(8);
  });

  it('are traced as lines inside the grid, not along its border', () => {
    // f = u² + v² on [-1, 1]²: the level 0.25 is a circle of radius 0.5.
    const n = 81;
    const values = new Float32Array(n * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values[j * n + i] = (-1 + (2 * i) / (n - 1)) ** 2 + (-1 + (2 * j) / (n - 1)) ** 2;
    const [c] = contourLines({ nx: n, ny: n, range: [[-1, 1], [-1, 1]], values }, [0.25]);
    const points = c.lines.flat();
    expect(points.length).toBeGreaterThan(20);
    for (const [u, v] of points) expect(Math.hypot(u, v)).toBeCloseTo(0.5, 2);
    // The level 1.5 meets the border: its pieces stay strictly inside the box.
    const [edge] = contourLines({ nx: n, ny: n, range: [[-1, 1], [-1, 1]], values }, [1.5]);
    for (const [u, v] of edge.lines.flat()) expect(Math.max(Math.abs(u), Math.abs(v))).toBeLessThanOrEqual(1);
  });
});

describe('f labels', () => {
  it('round float32 residue to the picture\'s resolution and keep real digits', () => {
    expect(formatValue(3.1e-9, 1e-3)).toBe('0');
    expect(formatValue(-1.0316284, 1.6e-4)).toBe('\u22121.0316');
    expect(formatValue(19.899075, 8e-5)).toBe('19.899');
    expect(formatValue(2.5e7, 1)).toBe('2.5e+7');
  });
});

describe('the basin map legend', () => {
  const summaryOf = (basins: Basin[]): BasinSummary => ({
    n: 1000, d: 2, sense: 'min', basins, outcome: new Int32Array(0), counts: { converged: 1000, maxiter: 0, diverged: 0, interrupted: 0 }, tolerances: { distance: 1e-3, fTie: 1e-6 },
  });
  const swatches = (s: BasinSummary) => legendItems(s, basinColours(s.basins), undefined, legendView(planeOf([[-40, 40], [-40, 40]])), 1e-6, false).filter((it) => it.kind === 'swatch');

  it('with more than 20 basins lists the 20 largest and one "+ N more basins" row with their share of the starts', () => {
    const s = summaryOf(Array.from({ length: 30 }, (_, i) => basin(i, i === 0 ? 1 : i, i === 0)));
    const rows = swatches(s);
    // 20 basins, the merged row, not converged, diverged.
    expect(rows).toHaveLength(23);
    expect(rows[20]).toMatchObject({ colour: OTHERS_COLOUR, text: '+ 10 more basins', right: '5.5%' });
  });

  it('with 20 or fewer lists them all, and the flat region in one row', () => {
    const s = summaryOf([basin(0, 900, true), ...Array.from({ length: 50 }, (_, k) => ({ ...basin(k + 1, 2), kind: 'degenerate' as const, flat: true }))]);
    const rows = swatches(s);
    expect(rows.map((r) => r.kind === 'swatch' && r.colour)).toEqual([BASIN_PALETTE[0], FLAT_COLOUR, NOT_CONVERGED_COLOUR, DIVERGED_COLOUR]);
    expect(rows[1]).toMatchObject({ text: 'flat: 50 end points', right: '10.0%' });
  });
});
