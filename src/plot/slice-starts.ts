import type { StartRows } from '../descent/driver.ts';
import { UserError } from '../../core/errors.ts';
import { toBox } from '../starts/indexed.ts';
import { MAX_STARTS } from '../starts/validate.ts';
import { axisName, fixedCoordinates, type Plane } from './plane.ts';

export interface SliceStarts extends StartRows {
  describe: string;
  /** What summary.json records to reproduce the set. */
  spec: { sampler: 'slice'; axes: string[]; at: number[]; gridCounts: [number, number] };
}

/**
 * A grid over the two axes of a plane, every other coordinate at the plane's fixed point: the
 * starts whose basin map is a 2-D slice of a d-dimensional landscape. Same layout as the grid
 * sampler (edges included, first plane axis fastest), so the map draws it as a filled image.
 */
export function sliceStartRows(plane: Plane, counts: [number, number]): SliceStarts {
  const [nu, nv] = counts;
  for (const c of counts) {
    if (!Number.isInteger(c) || c < 2) throw new UserError(`a slice grid needs whole counts ≥ 2 per axis, got ${counts.join('x')}`);
  }
  const n = nu * nv;
  if (n > MAX_STARTS) throw new UserError(`slice grid ${nu}x${nv} has ${n} points, over the limit of ${MAX_STARTS}`);
  const { d, axes, at, range } = plane;
  const fixed = Float32Array.from(at);
  const [[u0, u1], [v0, v1]] = range;
  const where = fixedCoordinates(plane);
  return {
    n,
    d,
    describe: `slice grid ${nu}x${nv} = ${n} starts over ${axisName(axes[0])}, ${axisName(axes[1])}${where ? ` at ${where}` : ''}`,
    spec: { sampler: 'slice', axes: axes.map((j) => axisName(j)), at: [...at], gridCounts: [nu, nv] },
    rows(from: number, count: number): Float32Array {
      if (!(Number.isInteger(from) && Number.isInteger(count) && from >= 0 && count >= 0 && from + count <= n)) {
        throw new RangeError(`rows [${from}, ${from + count}) outside [0, ${n})`);
      }
      const out = new Float32Array(count * d);
      for (let r = 0; r < count; r++) {
        const i = from + r;
        const ku = i % nu;
        const kv = Math.floor(i / nu);
        out.set(fixed, r * d);
        out[r * d + axes[0]] = toBox(ku / (nu - 1), u0, u1);
        out[r * d + axes[1]] = toBox(kv / (nv - 1), v0, v1);
      }
      return out;
    },
  };
}
