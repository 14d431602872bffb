import { UserError } from '../../core/errors.ts';

/**
 * A basin map on a regular grid: one label per grid point.
 *
 * Layout (the grid sampler's order, src/starts/grid.ts): `dims` lists the points per axis with
 * axis 1 FIRST, and axis 1 varies fastest, so point (k₁, k₂, …, k_d) sits at
 * k₁ + c₁·(k₂ + c₂·(k₃ + …)). Read as a row-major array its shape is dims reversed
 * ([c₂, c₁] in 2-D: rows follow y, columns x), exactly as the basin plots draw it.
 * `summary.assignment` from a grid run is already in this order.
 *
 * Labels ≥ 0 are basins; a negative label is a point with no basin (did not converge, or
 * unknown). Every measure in src/science ignores such points: they neither belong to a basin
 * nor make a boundary (see docs/boundary.md).
 */
export interface LabelGrid {
  labels: Int32Array;
  dims: number[];
}

/** Checks sizes and returns the grid; a mismatch is the caller's mistake, said in one line. */
export function labelGrid(labels: Int32Array, dims: readonly number[]): LabelGrid {
  if (!(labels instanceof Int32Array)) throw new UserError('basin labels must be an Int32Array (one basin id per grid point, −1 for none)');
  if (dims.length === 0) throw new UserError('a label grid needs at least one axis; give the grid counts per axis, e.g. [200, 200]');
  for (const c of dims) {
    if (!Number.isInteger(c) || c < 1) throw new UserError(`grid count ${c} is not a whole number ≥ 1; give points per axis, e.g. [200, 200]`);
  }
  const n = dims.reduce((a, b) => a * b, 1);
  if (n !== labels.length) {
    throw new UserError(`grid ${dims.join('x')} has ${n} points but there are ${labels.length} labels; give the counts the grid was made with`);
  }
  return { labels, dims: [...dims] };
}

/** Flat-index step per axis: [1, c₁, c₁c₂, …]. */
export function strides(dims: readonly number[]): number[] {
  const s: number[] = [];
  let k = 1;
  for (const c of dims) {
    s.push(k);
    k *= c;
  }
  return s;
}

/** Grid points that carry a basin label. */
export function labelledCount(g: LabelGrid): number {
  let n = 0;
  for (const l of g.labels) if (l >= 0) n++;
  return n;
}

/** The distinct basin labels, ascending, with how many points each has. */
export function basinSizes(g: LabelGrid): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const l of g.labels) if (l >= 0) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  return new Map([...sizes].sort((a, b) => a[0] - b[0]));
}

/**
 * Flat offsets of every cell of a box of `span` cells per axis, relative to its lowest corner.
 * Boxes are the unit all the box-based measures share.
 */
export function boxOffsets(dims: readonly number[], span: number): Int32Array {
  const st = strides(dims);
  const d = dims.length;
  const out = new Int32Array(span ** d);
  const k = new Array<number>(d).fill(0);
  for (let i = 0; i < out.length; i++) {
    let off = 0;
    for (let j = 0; j < d; j++) off += k[j] * st[j];
    out[i] = off;
    for (let j = 0; j < d && ++k[j] === span; j++) k[j] = 0;
  }
  return out;
}

/**
 * Calls `fn` with the flat index of the lowest corner of every complete box of `span` cells per
 * axis, placed every `step` cells from the origin. Boxes that would stick out of the grid are
 * left out (a partial box would mix sizes in one average).
 */
export function forEachBox(dims: readonly number[], step: number, span: number, fn: (corner: number) => void): void {
  const st = strides(dims);
  const d = dims.length;
  const per = dims.map((c) => (c >= span ? Math.floor((c - span) / step) + 1 : 0));
  if (per.some((p) => p === 0)) return;
  const k = new Array<number>(d).fill(0);
  const total = per.reduce((a, b) => a * b, 1);
  for (let b = 0; b < total; b++) {
    let corner = 0;
    for (let j = 0; j < d; j++) corner += k[j] * step * st[j];
    fn(corner);
    for (let j = 0; j < d && ++k[j] === per[j]; j++) k[j] = 0;
  }
}
