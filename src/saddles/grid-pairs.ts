import type { StartSpec } from '../starts/types.ts';

/**
 * Points per axis of a grid start set, axis 1 first (the grid sampler's layout, also a slice's),
 * or undefined when the starts are not on a grid: the saddle search needs grid neighbours.
 */
export function gridDims(spec: Pick<StartSpec, 'sampler' | 'gridCounts' | 'n'>, d: number): number[] | undefined {
  if (spec.sampler !== 'grid') return undefined;
  if (spec.gridCounts !== undefined) {
    const c = spec.gridCounts;
    if (c.length === d) return [...c];
    // A slice's grid has two counts whatever d is: the starts vary on two axes only.
    if (c.length === 1) return new Array<number>(d).fill(c[0]);
    return [...c];
  }
  if (spec.n !== undefined) return new Array<number>(d).fill(Math.max(1, Math.round(spec.n ** (1 / d))));
  return undefined;
}

/**
 * Every pair of grid neighbours (along one axis, one step apart) that reached different basins
 * which both count (`counts(id)`, e.g. minima only): [i, j] with i < j, flattened. Starts with
 * no basin (outcome < 0) make no pair: their side is unknown.
 */
export function boundaryPairs(outcome: Int32Array, dims: readonly number[], counts: (id: number) => boolean): Int32Array {
  const n = dims.reduce((a, b) => a * b, 1);
  if (n !== outcome.length) throw new RangeError(`boundaryPairs: grid ${dims.join('x')} has ${n} points, outcome has ${outcome.length}`);
  const out: number[] = [];
  let stride = 1;
  for (const c of dims) {
    for (let i = 0; i < n; i++) {
      // i's coordinate on this axis is floor(i / stride) mod c; the last one has no next neighbour.
      if (Math.floor(i / stride) % c === c - 1) continue;
      const j = i + stride;
      const [a, b] = [outcome[i], outcome[j]];
      if (a >= 0 && b >= 0 && a !== b && counts(a) && counts(b)) out.push(i, j);
    }
    stride *= c;
  }
  return Int32Array.from(out);
}
