import { UserError } from '../../core/errors.ts';
import type { Box } from '../objectives/types.ts';
import type { StartSpec } from '../starts/types.ts';
import { axisName, planeOf, type Plane } from './plane.ts';
import { sliceStartRows, type SliceStarts } from './slice-starts.ts';

/** "x1,x3" (or "1,3") as zero-based axis indices of a d-dimensional box. */
export function parseSliceAxes(text: string, d: number): [number, number] {
  const parts = text.split(',').map((s) => s.trim());
  const idx = parts.map((s) => (/^x?\d+$/.test(s) ? Number(s.replace(/^x/, '')) - 1 : NaN));
  if (idx.length !== 2 || idx.some((j) => !(Number.isInteger(j) && j >= 0 && j < d))) {
    throw new UserError(`--slice "${text}" must name two axes among x1..x${d}, like --slice x1,x2`);
  }
  if (idx[0] === idx[1]) throw new UserError(`--slice "${text}" names the same axis twice: give two different axes`);
  return [idx[0], idx[1]];
}

/**
 * The slice's fixed point from --at: one value per fixed axis (d − 2 numbers, in axis order), a
 * full point (d numbers; the slice axes' entries are ignored), or one number for every fixed axis.
 * Without --at the slice goes through the centre of the box.
 */
export function parseSlicePlane(axes: [number, number], at: string | undefined, box: Box): Plane {
  const d = box.length;
  if (at === undefined) return planeOf(box, axes);
  const values = at.split(',').map((s) => Number(s.trim()));
  if (at.trim() === '' || values.some((v) => !Number.isFinite(v))) throw new UserError(`--at "${at}" must be numbers separated by commas`);
  const fixedAxes = Array.from({ length: d }, (_, j) => j).filter((j) => !axes.includes(j));
  const point = box.map(([lo, hi]) => (lo + hi) / 2);
  if (values.length === d) values.forEach((v, j) => (point[j] = v));
  else if (values.length === fixedAxes.length) fixedAxes.forEach((j, k) => (point[j] = values[k]));
  else if (values.length === 1) fixedAxes.forEach((j) => (point[j] = values[0]));
  else {
    const names = fixedAxes.map((j) => axisName(j)).join(', ');
    throw new UserError(`--at "${at}" has ${values.length} values: give ${fixedAxes.length} (for ${names || 'no fixed axis'}), ${d} (a full point), or one for all`);
  }
  return planeOf(box, axes, point);
}

/** "900x800" as pixel width and height. */
export function parsePngSize(text: string): { width: number; height: number } {
  const m = /^\s*(\d+)\s*[x×,]\s*(\d+)\s*$/.exec(text);
  const [width, height] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!(width >= 300 && height >= 240 && width <= 10000 && height <= 10000)) {
    throw new UserError(`--png-size "${text}" must be WIDTHxHEIGHT in pixels, from 300x240 to 10000x10000, like 900x800`);
  }
  return { width, height };
}

/** Grid counts of a slice: --grid "100" or "100x80", or √n per axis from --n; 100 × 100 by default. */
export function sliceGridCounts(a: { grid?: string; n?: number; sampler?: string; startsFile?: string }): [number, number] {
  if (a.startsFile !== undefined || (a.sampler !== undefined && a.sampler !== 'grid')) {
    throw new UserError('--slice makes its own grid of starts over the two slice axes: drop --sampler and --starts-file (size it with --grid or --n)');
  }
  if (a.grid !== undefined) {
    const c = a.grid.split(/[x,]/).map((s) => Number(s.trim()));
    if (c.length > 2 || c.some((v) => !Number.isInteger(v) || v < 2)) throw new UserError(`--grid "${a.grid}" with --slice must be one or two whole numbers ≥ 2, like 100 or 100x80`);
    return [c[0], c[c.length - 1]];
  }
  if (a.n !== undefined) {
    const side = Math.round(Math.sqrt(a.n));
    if (!(side >= 2)) throw new UserError(`--n ${a.n} is too few for a slice grid: give at least 4`);
    return [side, side];
  }
  return [100, 100];
}

export interface MapSlice {
  plane: Plane;
  starts: SliceStarts;
  /** The grid as a start spec, for what summary.json records. */
  spec: StartSpec;
}

/**
 * The slice `map --slice x1,x3 --at ...` asks for, with its grid of starts; undefined without
 * --slice. Checked before any descent, so a typo never costs a run.
 */
export function mapSlice(
  a: { slice?: string; at?: string; grid?: string; n?: number; sampler?: string; startsFile?: string },
  box: Box,
): MapSlice | undefined {
  if (a.slice === undefined) {
    if (a.at !== undefined) throw new UserError('--at gives the fixed coordinates of a --slice: add --slice x1,x2 (or drop --at)');
    return undefined;
  }
  const plane = parseSlicePlane(parseSliceAxes(a.slice, box.length), a.at, box);
  const counts = sliceGridCounts(a);
  return { plane, starts: sliceStartRows(plane, counts), spec: { sampler: 'grid', gridCounts: counts } };
}
