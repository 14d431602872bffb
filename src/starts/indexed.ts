import type { Box } from '../objectives/types.ts';
import type { StartSet } from './types.ts';
import { checkRows } from './validate.ts';

/** Writes the unit-cube coordinates of start i, each in [0, 1], into u (length d). */
export type UnitPoint = (i: number, u: Float64Array) => void;

/**
 * Affine map of a unit coordinate onto [lo, hi], done in float64 and rounded once to float32.
 * t = 1 gives hi exactly (grid edges); the clamp absorbs float64 rounding of lo + (hi − lo)·t so
 * that, rounding being monotone, the float32 result always lies in [fround(lo), fround(hi)].
 */
export function toBox(t: number, lo: number, hi: number): number {
  if (t >= 1) return hi;
  const x = lo + (hi - lo) * t;
  return x < lo ? lo : x > hi ? hi : x;
}

/** A start set whose row i is computed from i alone, which is what makes it splittable. */
export function indexedStartSet(n: number, box: Box, describe: string, unitPoint: UnitPoint): StartSet {
  const d = box.length;
  return {
    n,
    d,
    describe,
    rows(from: number, count: number): Float32Array {
      checkRows(from, count, n);
      const out = new Float32Array(count * d);
      const u = new Float64Array(d);
      for (let r = 0; r < count; r++) {
        unitPoint(from + r, u);
        for (let j = 0; j < d; j++) out[r * d + j] = toBox(u[j], box[j][0], box[j][1]);
      }
      return out;
    },
  };
}
