/**
 * Counter-based randomness: every random number is a pure function of (seed, stream, axis, index),
 * never the next state of a sequential generator, so any row can be produced without the rows
 * before it. The mixer is Chris Wellons' "lowbias32" (hash-prospector), a 32-bit bijection with
 * near-ideal avalanche; two rounds per index break up the structure of consecutive counters.
 */

const GOLDEN = 0x9e3779b9;
const TWO_24 = 16777216;

export function hash32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Streams keep the samplers' random numbers apart even under the same seed. */
export const Stream = {
  uniform: 1,
  lhsPermutation: 2,
  lhsJitter: 3,
  sobolShift: 4,
  haltonDigits: 5,
} as const;

/**
 * A 32-bit key for one (seed, stream, axis). Every step is a bijection of the running key, so seeds
 * that differ in either 32-bit word give different keys (the whole safe-integer range is used).
 */
export function keyFor(seed: number, stream: number, axis: number): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  let k = hash32(lo ^ GOLDEN);
  k = hash32((k ^ hi) + GOLDEN);
  k = hash32((k ^ stream) + GOLDEN);
  return hash32((k ^ axis) + GOLDEN);
}

/** Random 32-bit word for index i (0 ≤ i < 2^32) under a key. */
export function hashAt(key: number, i: number): number {
  return hash32((hash32((i ^ key) >>> 0) + key) >>> 0);
}

/**
 * The top 24 bits as a fraction in [0, 1): float32 holds every such value exactly (24-bit
 * significand), so the largest is 1 − 2^−24 and never rounds up to 1 the way a 32-bit fraction
 * would.
 */
export function unit24(h: number): number {
  return (h >>> 8) / TWO_24;
}
