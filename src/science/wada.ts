import { UserError } from '../../core/errors.ts';
import { basinSizes, labelledCount, type LabelGrid } from './label-grid.ts';
import { chessboardDistance } from './chessboard.ts';

/**
 * Wada test for 2-D maps with three or more basins: the merging method of Daza, Wagemakers &
 * Sanjuán, "Ascertaining when a basin is Wada: the merging method", Sci. Rep. 8, 9954 (2018).
 *
 * Basins are Wada when they all share one boundary: every boundary point touches every basin.
 * Merging all basins but k into one gives two sets whose common boundary B_k is the boundary of
 * basin k. The basins are Wada exactly when all the B_k are the same set. On a grid, B_k is
 * the points with a 4-neighbour on the other side (both sides count), and two boundaries are
 * "the same" at radius r when every point of each lies within Chebyshev distance r of the
 * other. `apart[r]` is the largest share, over ordered pairs (j, k), of B_j's points farther
 * than r from B_k; the verdict is Wada when it falls to `tolerance` (default 1%) for some r ≤
 * `maxRadius` (default 3 cells: a grid that resolves the basins at all resolves them to a few
 * cells). Attractors.jl's test_wada_merge computes the same distance comparison (in the L1
 * metric, divided by the number of grid points rather than boundary points).
 *
 * Alongside, the first level of the grid method (Daza et al., Sci. Rep. 5, 16579 (2015)),
 * without its refinement (which needs the dynamics, not just the map): `allMeet[r]` is the share
 * of boundary points (points with a 4-neighbour in another basin) whose cube of radius r holds
 * every tested basin, the W_m of that paper with m = all basins at a fixed grid resolution.
 *
 * Tested basins: those with at least `minShare` (default 0.1%) of the labelled points, and at
 * most `maxBasins` (default 10) of them; points of smaller basins are treated as unlabelled.
 * `basins` names the labels to test instead (e.g. the minima only: gradient descent stopped by
 * gtol next to a saddle leaves small 'basins' of saddles that would otherwise spoil the test).
 */
export interface WadaTest {
  verdict: 'wada' | 'not wada' | 'not applicable';
  /** Why the test did not run (verdict 'not applicable'). */
  reason?: string;
  method: 'merging (Daza et al. 2018)';
  /** Labels of the basins tested. */
  basins: number[];
  radii: number[];
  apart: number[];
  allMeet: number[];
  tolerance: number;
  /** Smallest radius at which the boundaries matched, null when none did. */
  radius: number | null;
}

export interface WadaOptions {
  maxRadius?: number;
  tolerance?: number;
  minShare?: number;
  maxBasins?: number;
  /** Test exactly these labels (others count as unlabelled); overrides minShare. */
  basins?: number[];
}

export function wadaTest(g: LabelGrid, opts: WadaOptions = {}): WadaTest {
  const maxRadius = opts.maxRadius ?? 3;
  const tolerance = opts.tolerance ?? 0.01;
  const minShare = opts.minShare ?? 1e-3;
  const maxBasins = opts.maxBasins ?? 10;
  if (!Number.isInteger(maxRadius) || maxRadius < 1) throw new UserError(`Wada test radius ${maxRadius} is not a whole number ≥ 1; give the largest radius in grid points, e.g. 3`);
  const radii = Array.from({ length: maxRadius }, (_, k) => k + 1);
  const skip = (reason: string, basins: number[] = []): WadaTest => ({
    verdict: 'not applicable', reason, method: 'merging (Daza et al. 2018)', basins, radii: [], apart: [], allMeet: [], tolerance, radius: null,
  });
  if (g.dims.length !== 2) return skip(`the Wada test is for 2-D maps; this one has ${g.dims.length} axes`);
  const labelled = labelledCount(g);
  const sizes = basinSizes(g);
  const basins = opts.basins
    ? [...new Set(opts.basins)].filter((l) => sizes.has(l)).sort((a, b) => a - b)
    : [...sizes].filter(([, n]) => n >= minShare * labelled).map(([l]) => l);
  if (basins.length < 3) {
    const which = opts.basins ? 'of those asked for' : `with at least ${minShare * 100}% of the points`;
    return skip(`Wada needs three or more basins; this map has ${basins.length} ${which}`, basins);
  }
  if (basins.length > maxBasins) return skip(`the Wada test runs on at most ${maxBasins} basins; this map has ${basins.length}`, basins);

  const [w, h] = g.dims;
  // Basin slot per point: its index in `basins`, or −1 (unlabelled, or a basin too small to test).
  const slot = new Int32Array(g.labels.length).fill(-1);
  const slotOf = new Map(basins.map((l, k) => [l, k]));
  g.labels.forEach((v, i) => (slot[i] = slotOf.get(v) ?? -1));
  const m = basins.length;
  const edges = boundaryMasks(slot, w, h, m);

  // apart: for each B_k's distance map, histogram the distances of every other B_j's points.
  const far = Array.from({ length: m }, () => new Float64Array(maxRadius + 1).fill(0));
  const worst = new Float64Array(maxRadius + 1);
  for (let k = 0; k < m; k++) {
    const dist = chessboardDistance(edges.masks[k], w, h);
    for (let j = 0; j < m; j++) {
      if (j === k || edges.points[j].length === 0) continue;
      far[j].fill(0);
      for (const i of edges.points[j]) for (let r = 1; r <= maxRadius; r++) if (dist[i] > r) far[j][r]++;
      for (let r = 1; r <= maxRadius; r++) worst[r] = Math.max(worst[r], far[j][r] / edges.points[j].length);
    }
  }
  const apart = radii.map((r) => worst[r]);

  // allMeet: the radius at which a boundary point sees every basin is its largest distance to one.
  const meet = new Int32Array(edges.any.length);
  for (let k = 0; k < m; k++) {
    const inBasin = Uint8Array.from(slot, (s) => (s === k ? 1 : 0));
    const dist = chessboardDistance(inBasin, w, h);
    edges.any.forEach((i, n) => (meet[n] = Math.max(meet[n], dist[i])));
  }
  const allMeet = radii.map((r) => (edges.any.length === 0 ? 0 : meet.reduce((a, v) => a + (v <= r ? 1 : 0), 0) / edges.any.length));
  const hit = radii.find((r) => worst[r] <= tolerance) ?? null;
  return { verdict: hit === null ? 'not wada' : 'wada', method: 'merging (Daza et al. 2018)', basins, radii, apart, allMeet, tolerance, radius: hit };
}

/** B_k for every basin k (as a mask and a point list), and the points with any other-basin 4-neighbour. */
function boundaryMasks(slot: Int32Array, w: number, h: number, m: number) {
  const masks = Array.from({ length: m }, () => new Uint8Array(w * h));
  const any = new Uint8Array(w * h);
  const mark = (a: number, b: number) => {
    const sa = slot[a];
    const sb = slot[b];
    if (sa < 0 || sb < 0 || sa === sb) return;
    // Merging all but sa puts a and b on opposite sides, and likewise for sb.
    masks[sa][a] = masks[sa][b] = 1;
    masks[sb][a] = masks[sb][b] = 1;
    any[a] = any[b] = 1;
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = x + w * y;
      if (x + 1 < w) mark(i, i + 1);
      if (y + 1 < h) mark(i, i + w);
    }
  }
  const list = (mask: Uint8Array) => {
    const out: number[] = [];
    for (let i = 0; i < mask.length; i++) if (mask[i]) out.push(i);
    return Int32Array.from(out);
  };
  return { masks, points: masks.map(list), any: list(any) };
}
