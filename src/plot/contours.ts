import { quantileSorted, ticks } from 'd3-array';
import { contours } from 'd3-contour';
import type { Field } from './field.ts';

export interface ContourLevels {
  levels: number[];
  /** True when the levels are log-spaced above the minimum (f spans decades over the plane). */
  log: boolean;
}

/**
 * About `count` levels. When most of the plane lies within a small fraction of f's range (typical
 * near minima of polynomial test functions), evenly spaced levels would all crowd the walls and
 * leave the valleys empty, so the levels are then log-spaced in f − min f.
 */
export function contourLevels(values: Float32Array, count = 15): ContourLevels {
  const sorted = Float64Array.from(values.filter(Number.isFinite)).sort();
  if (sorted.length === 0) return { levels: [], log: false };
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  if (!(hi > lo)) return { levels: [], log: false };
  const span = hi - lo;
  const low = (quantileSorted(sorted as unknown as number[], 0.01) ?? lo) - lo;
  if (low > 0 ? span / low >= 100 : true) {
    const start = Math.max(low, span * 1e-4);
    const ratio = (span / start) ** (1 / count);
    const levels = Array.from({ length: count }, (_, k) => lo + round2(start * ratio ** k)).filter((v) => v > lo && v < hi);
    return { levels: [...new Set(levels)], log: true };
  }
  return { levels: ticks(lo, hi, count).filter((v) => v > lo && v < hi), log: false };
}

function round2(v: number): number {
  return Number(v.toPrecision(2));
}

export interface ContourLine {
  level: number;
  /** Polylines in plane coordinates (u, v). */
  lines: Array<Array<[number, number]>>;
}

/**
 * Iso-lines of a field. d3-contour returns closed rings that run along the outside of the grid
 * where a region meets the border; those border runs are not level lines, so rings are cut there.
 */
export function contourLines(field: Field, levels: number[]): ContourLine[] {
  const { nx, ny, range } = field;
  const [[u0, u1], [v0, v1]] = range;
  const hu = (u1 - u0) / (nx - 1);
  const hv = (v1 - v0) / (ny - 1);
  // d3-contour puts sample i at grid coordinate i + 0.5, and its border at 0 and n.
  const toPlane = ([c, r]: number[]): [number, number] => [u0 + (c - 0.5) * hu, v0 + (r - 0.5) * hv];
  const onBorder = ([c, r]: number[]) => c <= 0 || c >= nx || r <= 0 || r >= ny;
  const values = Float64Array.from(field.values, (v) => (Number.isFinite(v) ? v : Infinity));
  const generator = contours().size([nx, ny]).thresholds(levels);
  return generator(values as unknown as number[]).map((mp) => {
    const lines: Array<Array<[number, number]>> = [];
    for (const polygon of mp.coordinates) {
      for (const ring of polygon) {
        let current: Array<[number, number]> = [];
        for (const p of ring) {
          if (onBorder(p)) {
            if (current.length > 1) lines.push(current);
            current = [];
          } else current.push(toPlane(p));
        }
        if (current.length > 1) lines.push(current);
      }
    }
    return { level: mp.value, lines };
  });
}
