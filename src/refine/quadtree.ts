import type { Box } from '../objectives/types.ts';

/**
 * Adaptive refinement of a 2-D grid basin map as a quadtree of cells (`map --refine K`).
 *
 * Every start of a grid map stands for the cell of one grid spacing h around it (the grid sampler
 * puts point k at lo + k·h, both box edges included, so the edge cells reach h/2 past the box).
 * Refining a cell replaces its start by four starts at the centres of its quarters; each child
 * weighs 1/4 of its parent. After K rounds the cells on a basin boundary are h/2^K wide.
 *
 * The tree is held as a raster at the finest resolution reached so far: per fine cell, the start
 * that owns it (the leaf covering it). The cells of one leaf are exactly the fine cells with the
 * same owner, so a leaf's label, weight (its fine-cell count) and neighbours all read off the
 * raster. Fine cell (kx, ky) is at index ky·width + kx: axis 1 fastest, as the grid sampler and
 * science/label-grid.ts order points.
 */
export interface RefineGrid {
  /** The coarse grid's points per axis (both ≥ 2). */
  counts: [number, number];
  box: Box;
}

export interface QuadField {
  /** Fine cells per axis, axis 1 first: the coarse counts × 2^round. */
  dims: [number, number];
  /** Per fine cell, the start (row of the map's results) whose leaf covers it. */
  owner: Int32Array;
  /** Rounds of refinement so far: fine cells are h/2^round wide. */
  round: number;
}

/** Fine cells a refined map may hold: 4 bytes each for the owner and the label, 128 MiB at most. */
export const MAX_FIELD_CELLS = 2 ** 24;

/** The coarse grid as a field: every start owns its own cell (start i is cell i, in grid order). */
export function coarseField(grid: RefineGrid): QuadField {
  const [cx, cy] = grid.counts;
  return { dims: [cx, cy], owner: Int32Array.from({ length: cx * cy }, (_, i) => i), round: 0 };
}

/** Fine cells per axis after `rounds` rounds. */
export function fieldDims(grid: RefineGrid, rounds: number): [number, number] {
  return [grid.counts[0] * 2 ** rounds, grid.counts[1] * 2 ** rounds];
}

/**
 * The box whose plain grid of fieldDims(grid, rounds) points has its points exactly at the
 * centres of the fine cells: the equivalent full fine grid a refined map is compared with (and
 * whose cost it saves). It reaches h/2 − h/2^(rounds+1) past the coarse box on each side.
 */
export function fineGridBox(grid: RefineGrid, rounds: number): Box {
  return grid.box.map(([lo, hi], j) => {
    const h = (hi - lo) / (grid.counts[j] - 1);
    const pad = h / 2 - h / 2 ** (rounds + 1);
    return [lo - pad, hi + pad] as [number, number];
  });
}

/** Per fine cell, the label of the start that owns it. */
export function fieldLabels(f: QuadField, outcome: Int32Array): Int32Array {
  return f.owner.map((o) => outcome[o]);
}

/**
 * The starts whose leaf is on a basin boundary: some fine cell of the leaf has one of its eight
 * neighbours with another outcome (another basin, or no basin). Eight rather than four
 * neighbours, so that a boundary that only cuts a corner still refines both sides.
 */
export function boundaryOwners(f: QuadField, outcome: Int32Array, starts: number): Uint8Array {
  const [w, h] = f.dims;
  const labels = fieldLabels(f, outcome);
  const flag = new Uint8Array(starts);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const l = labels[y * w + x];
      let edge = false;
      for (let dy = -1; dy <= 1 && !edge; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx >= 0 && xx < w && labels[yy * w + xx] !== l) {
            edge = true;
            break;
          }
        }
      }
      if (edge) flag[f.owner[y * w + x]] = 1;
    }
  }
  return flag;
}

export interface Subdivision {
  field: QuadField;
  /** Starting points of the new leaves, row-major [n, 2], in fine-cell order. */
  x0: Float32Array;
  /** Leaves that were split (each into 4, or more when it catches up from a coarser level). */
  split: number;
}

/**
 * One round: the field at twice the resolution, every fine cell of a flagged leaf now its own
 * leaf, owned by a new start numbered from `firstStart` at the cell's centre. A flagged leaf
 * coarser than the last round (its neighbour's refinement revealed the boundary) goes straight
 * to the new finest level, so the boundary is everywhere equally sharp.
 */
export function subdivide(f: QuadField, flag: Uint8Array, grid: RefineGrid, firstStart: number): Subdivision {
  const [w, h] = f.dims;
  const [W, H] = [2 * w, 2 * h];
  const round = f.round + 1;
  const owner = new Int32Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) owner[y * W + x] = f.owner[(y >> 1) * w + (x >> 1)];
  }
  let split = 0;
  const seen = new Uint8Array(flag.length);
  const centres: number[] = [];
  const side = grid.box.map(([lo, hi], j) => (hi - lo) / (grid.counts[j] - 1) / 2 ** round);
  const start = grid.box.map(([lo, hi], j) => lo - (hi - lo) / (grid.counts[j] - 1) / 2);
  let next = firstStart;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = owner[y * W + x];
      if (!flag[o]) continue;
      if (!seen[o]) {
        seen[o] = 1;
        split++;
      }
      owner[y * W + x] = next++;
      centres.push(start[0] + (x + 0.5) * side[0], start[1] + (y + 0.5) * side[1]);
    }
  }
  return { field: { dims: [W, H], owner, round }, x0: Float32Array.from(centres), split };
}

/**
 * Each outcome's area in fine cells of the field: the area-weighted count (a leaf refined r
 * times fewer than the finest weighs 4^r fine cells). Keys are outcomes (basin ids and the
 * negative OUTCOME codes).
 */
export function areaCounts(f: QuadField, outcome: Int32Array): Map<number, number> {
  const area = new Map<number, number>();
  for (const o of f.owner) {
    const l = outcome[o];
    area.set(l, (area.get(l) ?? 0) + 1);
  }
  return area;
}
