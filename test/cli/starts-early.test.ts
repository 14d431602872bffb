import { describe, expect, it } from 'vitest';
import { checkStartsEarly, startSpecFromArgs } from '../../src/cli/options/starts.ts';
import { sampleStarts } from '../../src/starts/sample.ts';

const box: [number, number][] = [[-5, 5], [-5, 5]];
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no refusal';
};

describe('the starts checked from the arguments alone, before anything heavy loads', () => {
  it('refuses --n beyond the limit with the very line the sampler gives', () => {
    const a = { sampler: 'uniform', n: 1e10, seed: 0 };
    const early = refusal(() => checkStartsEarly(a));
    expect(early).toMatch(/^n = 10000000000 exceeds the limit of 4294967296 starts/);
    expect(early).toBe(refusal(() => sampleStarts(startSpecFromArgs(a, 2), box)));
  });

  it('refuses a count that is not whole or not positive the same way', () => {
    for (const n of [0, -3, 2.5]) {
      const early = refusal(() => checkStartsEarly({ n, seed: 0 }));
      expect(early).toMatch(/^n = /);
      expect(early).toBe(refusal(() => sampleStarts(startSpecFromArgs({ sampler: 'uniform', n, seed: 0 }, 2), box)));
    }
  });

  it('lets through an --n that a grid, a starts file or a slice reads otherwise, and a count within the limit', () => {
    expect(refusal(() => checkStartsEarly({ n: 1e10, grid: '10', seed: 0 }))).toBe('no refusal');
    expect(refusal(() => checkStartsEarly({ n: 1e10, startsFile: 'starts.csv', seed: 0 }))).toBe('no refusal');
    expect(refusal(() => checkStartsEarly({ n: 1e10, slice: 'x1,x2', seed: 0 }))).toBe('no refusal');
    expect(refusal(() => checkStartsEarly({ n: 2 ** 32, seed: 0 }))).toBe('no refusal');
  });
});
