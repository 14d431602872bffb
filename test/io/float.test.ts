import { describe, expect, it } from 'vitest';
import { formatFloat32, slowDigits } from '../../src/io/float.ts';
import { mulberry32 } from '../support/random.ts';

/**
 * formatFloat32's float64 shortcut must give exactly the text of the definition (slowDigits,
 * toPrecision digit count by digit count) for every float32, and that text must read back as
 * the same float32.
 */
function expectSame(values: Iterable<number>) {
  const bad: string[] = [];
  for (const v of values) {
    const s = formatFloat32(v);
    if (s !== slowDigits(v) || Math.fround(Number(s)) !== v) bad.push(`${v}: ${s} vs ${slowDigits(v)}`);
  }
  expect(bad.slice(0, 5)).toEqual([]);
}

const bits = new Uint32Array(1);
const asFloat = new Float32Array(bits.buffer);

describe('formatFloat32', () => {
  it('writes non-finite values and zero as words and 0', () => {
    expect([NaN, Infinity, -Infinity, 0, -0].map(formatFloat32)).toEqual(['nan', 'inf', '-inf', '0', '0']);
  });

  it('gives the shortest text of at least 6 digits', () => {
    expect([0.1, 1, 100, 1e-7, 123456789, 0.30000001192092896, -2.5].map((v) => formatFloat32(Math.fround(v))))
      .toEqual(['0.1', '1', '100', '1e-7', '123456790', '0.3', '-2.5']);
  });

  it('agrees with the definition on 200 000 random bit patterns (every exponent, subnormals included)', () => {
    const rand = mulberry32(7);
    expectSame(Array.from({ length: 200_000 }, () => {
      bits[0] = Math.floor(rand() * 2 ** 32);
      return asFloat[0];
    }).filter(Number.isFinite));
  });

  it('agrees with the definition on 200 000 values of the sizes maps produce', () => {
    const rand = mulberry32(8);
    expectSame(Array.from({ length: 200_000 }, (_, i) => Math.fround(i % 2 ? (rand() - 0.5) * 200 : 10 ** (rand() * 16 - 8))));
  });

  it('agrees with the definition at the edges: powers of ten, their neighbours, the extremes', () => {
    const edges: number[] = [3.4028234663852886e38, 1.1754943508222875e-38, 1.401298464324817e-45, Math.fround(9.9999995), Math.fround(0.99999997)];
    for (let e = -45; e <= 38; e++) {
      const f = Math.fround(10 ** e);
      bits[0] = 0;
      asFloat[0] = f;
      const b = bits[0];
      for (const db of [-2, -1, 0, 1, 2]) {
        bits[0] = b + db;
        edges.push(asFloat[0]);
      }
    }
    expectSame(edges.flatMap((v) => [v, -v]).filter((v) => Number.isFinite(v) && v !== 0));
  });
});
