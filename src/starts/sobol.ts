import { UserError } from '../../core/errors.ts';
import type { Box } from '../objectives/types.ts';
import type { StartSet } from './types.ts';
import { hashAt, keyFor, Stream } from './hash.ts';
import { indexedStartSet } from './indexed.ts';
import { directionNumbers, SOBOL_MAX_DIM } from './sobol-directions.ts';

const TWO_32 = 4294967296;

/**
 * Sobol' points with Joe-Kuo 6.21201 direction numbers, addressed directly by index: coordinate j
 * of start i is the XOR of the direction numbers V_{j,k} over the set bits k of i (natural order,
 * not Gray-code order; both orders give the same set for every power-of-two prefix, and this one
 * needs no previous point).
 *
 * Index 0 is kept: row i is Sobol' point i. Dropping the first point would break the balance of
 * each 2^m prefix (Owen, "On dropping the first Sobol' point", 2022); the cost is that the
 * unscrambled row 0 is the lower corner of the box.
 *
 * Seed 0 (or no seed) gives the plain published sequence; any other seed XORs each axis with a
 * random 32-bit digital shift, which keeps the net structure and moves row 0 off the corner.
 */
export function sobolStartSet(n: number, seed: number, box: Box): StartSet {
  const d = box.length;
  if (d > SOBOL_MAX_DIM) {
    throw new UserError(
      `sobol supports at most ${SOBOL_MAX_DIM} dimensions (Joe-Kuo table embedded) but the box has ${d}; use --sampler halton or uniform`,
    );
  }
  const v = Array.from({ length: d }, (_, j) => directionNumbers(j + 1));
  const shift = box.map((_, j) => (seed === 0 ? 0 : hashAt(keyFor(seed, Stream.sobolShift, 0), j)));
  const scramble = seed === 0 ? 'unscrambled' : `digital shift seed ${seed}`;
  const balance = Number.isInteger(Math.log2(n)) ? '' : '; n is not a power of 2, so the last strata are only partly filled';
  return indexedStartSet(n, box, `sobol ${n} starts, Joe-Kuo 6.21201, ${scramble}${balance}`, (i, u) => {
    for (let j = 0; j < d; j++) {
      const vj = v[j];
      let x = shift[j];
      for (let bits = i >>> 0, k = 0; bits !== 0; bits >>>= 1, k++) {
        if (bits & 1) x ^= vj[k];
      }
      u[j] = (x >>> 0) / TWO_32;
    }
  });
}
