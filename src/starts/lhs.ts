import type { Box } from '../objectives/types.ts';
import type { StartSet } from './types.ts';
import { hashAt, keyFor, Stream, unit24 } from './hash.ts';
import { indexedStartSet, type UnitPoint } from './indexed.ts';
import { KeyedPermutation } from './permutation.ts';

/**
 * Latin hypercube: on every axis the n strata [k/n, (k+1)/n) hold exactly one start each. Start i
 * sits in stratum π_j(i) of axis j, where π_j is a keyed permutation of [0, n) evaluated per index
 * (no shuffled array to build or share), plus a uniform jitter inside the stratum. Stratum
 * membership is exact in float64; the final rounding to float32 can move a start lying within one
 * float32 step of its stratum's top onto that boundary.
 */
export function lhsStartSet(n: number, seed: number, box: Box): StartSet {
  return indexedStartSet(n, box, `lhs ${n} starts, seed ${seed}`, lhsUnitPoint(n, seed, box.length));
}

/** The unit-cube coordinates, exposed so the one-per-stratum property can be checked in float64. */
export function lhsUnitPoint(n: number, seed: number, d: number): UnitPoint {
  const perms = Array.from({ length: d }, (_, j) => new KeyedPermutation(n, keyFor(seed, Stream.lhsPermutation, j)));
  const jitter = Array.from({ length: d }, (_, j) => keyFor(seed, Stream.lhsJitter, j));
  return (i, u) => {
    for (let j = 0; j < d; j++) u[j] = (perms[j].at(i) + unit24(hashAt(jitter[j], i))) / n;
  };
}
