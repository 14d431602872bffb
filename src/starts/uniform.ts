import type { Box } from '../objectives/types.ts';
import type { StartSet } from './types.ts';
import { hashAt, keyFor, Stream, unit24 } from './hash.ts';
import { indexedStartSet } from './indexed.ts';

/**
 * Independent uniform starts. Coordinate (i, j) is the 24-bit fraction of a counter hash of
 * (seed, j, i), so it lies in [0, 1 − 2^−24] and is exact in float32: on the unit box no start
 * reaches 1. On other boxes the affine map is rounded to float32 and can land on the upper edge
 * when the box is narrow next to the size of its ends (e.g. [1000, 1001]); the closed box allows
 * that, and no start ever lies outside.
 */
export function uniformStartSet(n: number, seed: number, box: Box): StartSet {
  const keys = box.map((_, j) => keyFor(seed, Stream.uniform, j));
  return indexedStartSet(n, box, `uniform ${n} starts, seed ${seed}`, (i, u) => {
    for (let j = 0; j < keys.length; j++) u[j] = unit24(hashAt(keys[j], i));
  });
}
