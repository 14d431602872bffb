import { UserError } from '../../core/errors.ts';
import type { Box } from '../objectives/types.ts';

/**
 * The 2-D plane a picture shows: two axes of a d-dimensional box, every other coordinate held
 * fixed. For d = 2 it is the whole box; for d > 2 it is a slice.
 */
export interface Plane {
  d: number;
  /** Zero-based indices of the horizontal and vertical axes. */
  axes: [number, number];
  /** A full point of the box (length d); entries on `axes` are ignored. */
  at: number[];
  /** Ranges of the horizontal and vertical axes. */
  range: [[number, number], [number, number]];
  /** Every axis's name as the user wrote it (x, y for a formula in x and y); default x1..xd. */
  names?: string[];
}

/** The plane of the whole box for d = 2, or through `axes` at `at` (default: the box centre). */
export function planeOf(box: Box, axes: [number, number] = [0, 1], at?: number[], names?: string[]): Plane {
  const d = box.length;
  if (d < 2) throw new UserError(`a 2-D picture needs at least 2 dimensions, got ${d}`);
  const point = at ?? box.map(([lo, hi]) => (lo + hi) / 2);
  if (point.length !== d) throw new UserError(`the fixed point has ${point.length} coordinates but the box has ${d}`);
  return { d, axes, at: [...point], range: [box[axes[0]], box[axes[1]]], ...(names ? { names } : {}) };
}

/** Axis j's name: as the user named the variable (`names`, e.g. from a formula), else x1..xd as the CLI writes them. */
export function axisName(j: number, names?: readonly string[]): string {
  return names?.[j] ?? `x${j + 1}`;
}

/** "x2 = 0, x4 = 1.5": the coordinates a slice holds fixed; empty for d = 2. */
export function fixedCoordinates(p: Plane): string {
  const parts: string[] = [];
  for (let j = 0; j < p.d; j++) if (!p.axes.includes(j)) parts.push(`${axisName(j, p.names)} = ${Number(p.at[j].toPrecision(6))}`);
  return parts.join(', ');
}

/** Row-major point [d] of the plane at (u, v) on its two axes. */
export function pointOn(p: Plane, u: number, v: number, out: Float32Array | number[], offset = 0): void {
  for (let j = 0; j < p.d; j++) out[offset + j] = p.at[j];
  out[offset + p.axes[0]] = u;
  out[offset + p.axes[1]] = v;
}
