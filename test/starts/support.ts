import { expect } from 'vitest';
import type { Box } from '../../src/objectives/types.ts';
import { makeStartSet, type StartSet, type StartSpec } from '../../src/starts/index.ts';

export const unitSquare: Box = [
  [0, 1],
  [0, 1],
];

/** Uneven ends that float32 cannot hold exactly, a narrow axis and a degenerate one. */
export const awkwardBox: Box = [
  [-5.1, 3.3],
  [0, 1e-3],
  [100, 100.5],
  [2, 2],
];

export function unitCube(d: number): Box {
  return Array.from({ length: d }, () => [0, 1] as [number, number]);
}

export function syncSet(spec: StartSpec, box: Box): StartSet {
  const set = makeStartSet(spec, box);
  if (set instanceof Promise) throw new Error(`${spec.sampler} unexpectedly returned a promise`);
  return set;
}

export function allRows(set: StartSet): Float32Array {
  return set.rows(0, set.n);
}

/** Every coordinate within the box as float32 represents it. */
export function expectInsideBox(rows: Float32Array, box: Box): void {
  const d = box.length;
  for (let k = 0; k < rows.length; k++) {
    const [lo, hi] = box[k % d];
    const x = rows[k];
    if (!(x >= Math.fround(lo) && x <= Math.fround(hi))) {
      expect.fail(`row ${Math.floor(k / d)} axis ${k % d} = ${x} lies outside [${lo}, ${hi}]`);
    }
  }
}

/** Coordinates of one axis as plain numbers. */
export function column(rows: Float32Array, d: number, j: number): number[] {
  const out: number[] = [];
  for (let k = j; k < rows.length; k += d) out.push(rows[k]);
  return out;
}
