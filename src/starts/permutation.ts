import { hash32 } from './hash.ts';

const ROUNDS = 4;

/**
 * A keyed pseudo-random permutation of [0, n), evaluated one index at a time: a balanced Feistel
 * network on the smallest even number of bits covering n, with cycle-walking (re-encrypt until the
 * value falls below n). Feistel rounds are bijections whatever the round function, and walking the
 * cycle of a bijection from a point in [0, n) returns to [0, n), so the result is a bijection of
 * [0, n). The bit width is under twice log2 n, so the expected walk is under 4 steps.
 * Supports n ≤ 2^32.
 */
export class KeyedPermutation {
  private readonly half: number;
  private readonly mask: number;
  private readonly roundKeys: number[];

  constructor(
    readonly n: number,
    key: number,
  ) {
    let bits = 2;
    while (2 ** bits < n) bits += 2;
    this.half = bits / 2;
    this.mask = 2 ** this.half - 1;
    this.roundKeys = Array.from({ length: ROUNDS }, (_, r) => hash32((key + Math.imul(r + 1, 0x9e3779b9)) >>> 0));
  }

  at(i: number): number {
    let x = i;
    do x = this.encrypt(x);
    while (x >= this.n);
    return x;
  }

  private encrypt(x: number): number {
    const size = this.mask + 1;
    let l = Math.floor(x / size);
    let r = x % size;
    for (const k of this.roundKeys) {
      const next = (l ^ (hash32((r ^ k) >>> 0) & this.mask)) >>> 0;
      l = r;
      r = next;
    }
    return l * size + r;
  }
}
