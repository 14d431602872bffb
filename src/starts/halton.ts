import type { Box } from '../objectives/types.ts';
import type { StartSet } from './types.ts';
import { hashAt, keyFor, Stream } from './hash.ts';
import { indexedStartSet } from './indexed.ts';
import { firstPrimes } from './primes.ts';

/**
 * Halton points: axis j is the radical inverse of the index in the j-th prime base.
 *
 * Row r uses index r + 1, the usual convention (Halton 1960): the first rows are (1/2, 1/3),
 * (1/4, 2/3), … and the all-zero origin corner is never a start.
 *
 * Seed 0 (or no seed) gives the plain sequence. Any other seed applies a random linear digit
 * scramble (Matoušek 1998): digit k of axis j becomes (a·digit + b) mod p with a ∈ [1, p) and
 * b ∈ [0, p) drawn per (seed, axis, k). Each map is a bijection of the digits, so every base-p
 * stratification of the plain sequence survives, and unlike a Cranley-Patterson rotation it
 * breaks up the near-diagonal lines the plain sequence draws between axes with large neighbouring
 * primes. Because a scrambled zero digit is no longer zero, digits are summed to a fixed depth with
 * p^depth above 2^32: deep enough for every index, and the ignored tail is far below float32
 * resolution.
 */
export function haltonStartSet(n: number, seed: number, box: Box): StartSet {
  const d = box.length;
  const bases = firstPrimes(d);
  const axes = bases.map((p, j) => digitScramble(p, seed, j));
  const scramble = seed === 0 ? 'unscrambled' : `digit scramble seed ${seed}`;
  const shown = d <= 4 ? bases.join(',') : `${bases.slice(0, 3).join(',')},…,${bases[d - 1]}`;
  return indexedStartSet(n, box, `halton ${n} starts, bases ${shown}, from index 1, ${scramble}`, (r, u) => {
    for (let j = 0; j < d; j++) u[j] = radicalInverse(r + 1, bases[j], axes[j]);
  });
}

interface DigitMaps {
  mul: number[];
  add: number[];
  /** tail[k]: what digits k, k+1, … contribute once the index has run out of digits (all zero). */
  tail: number[];
}

function digitScramble(p: number, seed: number, axis: number): DigitMaps {
  let depth = 1;
  while (p ** depth <= 4294967296) depth++;
  const mul = new Array<number>(depth).fill(1);
  const add = new Array<number>(depth).fill(0);
  if (seed !== 0) {
    const key = keyFor(seed, Stream.haltonDigits, axis);
    for (let k = 0; k < depth; k++) {
      mul[k] = 1 + (hashAt(key, 2 * k) % (p - 1));
      add[k] = hashAt(key, 2 * k + 1) % p;
    }
  }
  const tail = new Array<number>(depth + 1).fill(0);
  for (let k = depth - 1; k >= 0; k--) tail[k] = tail[k + 1] + add[k] * p ** -(k + 1);
  return { mul, add, tail };
}

function radicalInverse(i: number, p: number, { mul, add, tail }: DigitMaps): number {
  let rest = i;
  let scale = 1 / p;
  let u = 0;
  let k = 0;
  for (; rest > 0; k++) {
    const next = Math.floor(rest / p);
    const digit = rest - next * p;
    rest = next;
    u += ((mul[k] * digit + add[k]) % p) * scale;
    scale /= p;
  }
  return u + tail[k];
}
