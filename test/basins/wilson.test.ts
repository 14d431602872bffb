import { describe, expect, it } from 'vitest';
import { Z95, wilson } from '../../src/basins/wilson.ts';

// Reference bounds found without the closed form: the two roots p of the score equation
// (p̂ − p)² = z²·p(1 − p)/n, by 200 bisection steps in Python (double precision). The first three
// are also the published values (e.g. R's binom::binom.wilson, statsmodels' proportion_confint
// with method="wilson"): 0/10 → [0, 0.2775328], 5/10 → [0.2365931, 0.7634069], 10/10 → [0.7224672, 1].
const REFERENCE: [number, number, number, number][] = [
  [0, 10, 0, 0.27753279986288926],
  [5, 10, 0.236593090512564, 0.7634069094874361],
  [10, 10, 0.7224672001371109, 1],
  [1, 3, 0.061491944720396235, 0.7923403991979523],
  [81, 263, 0.2552885198782743, 0.3662095769828001],
  [3, 1000, 0.001020783881138619, 0.008783014053503173],
  [999_999, 1_000_000, 0.9999943350881957, 0.9999998234754233],
];

describe('Wilson 95% interval', () => {
  for (const [count, n, lo, hi] of REFERENCE) {
    it(`${count} of ${n} → [${lo}, ${hi}]`, () => {
      const [l, h] = wilson(count, n);
      expect(l).toBeCloseTo(lo, 12);
      expect(h).toBeCloseTo(hi, 12);
    });
  }

  it('is exactly 0 below a basin nobody reached and exactly 1 above one everybody reached', () => {
    expect(wilson(0, 7)[0]).toBe(0);
    expect(wilson(7, 7)[1]).toBe(1);
  });

  it('puts both bounds on the score equation, and contains the fraction', () => {
    for (const [count, n] of [[2, 9], [37, 400], [5000, 10000]]) {
      const p = count / n;
      const [lo, hi] = wilson(count, n);
      expect(lo).toBeLessThan(p);
      expect(hi).toBeGreaterThan(p);
      for (const b of [lo, hi]) expect((p - b) ** 2).toBeCloseTo((Z95 ** 2 * b * (1 - b)) / n, 14);
    }
  });

  it('narrows with a smaller z and rejects impossible counts', () => {
    const [lo, hi] = wilson(5, 10, 1);
    expect(hi - lo).toBeLessThan(wilson(5, 10)[1] - wilson(5, 10)[0]);
    expect(() => wilson(11, 10)).toThrow(RangeError);
    expect(() => wilson(1, 0)).toThrow(RangeError);
    expect(() => wilson(0.5, 10)).toThrow(RangeError);
  });
});
