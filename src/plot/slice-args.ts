import { UserError } from '../errors.ts';
import type { Box } from '../objectives/types.ts';
import { axisName, planeOf, type Plane } from './plane.ts';

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
    const names = fixedAxes.map(axisName).join(', ');
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
