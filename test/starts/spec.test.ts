import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import type { Box } from '../../src/objectives/types.ts';
import { makeStartSet, MAX_STARTS, type StartSpec } from '../../src/starts/index.ts';
import { syncSet, unitSquare } from './support.ts';

function rejects(spec: StartSpec, pattern: RegExp, box: Box = unitSquare): void {
  let error: unknown;
  try {
    makeStartSet(spec, box);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).toMatch(pattern);
  expect((error as Error).message).not.toContain('\n');
}

describe('a start spec is rejected with a one-line UserError for', () => {
  it('zero starts', () => rejects({ sampler: 'uniform', n: 0 }, /n = 0 gives zero starts; give at least 1/));
  it('a negative n', () => rejects({ sampler: 'lhs', n: -5 }, /n = -5 is negative/));
  it('a non-integer n', () => rejects({ sampler: 'sobol', n: 2.5 }, /n = 2.5 is not a whole number/));
  it('an n that is not a number', () => rejects({ sampler: 'halton', n: NaN }, /n is NaN, not a number/));
  it('a missing n', () => rejects({ sampler: 'uniform' }, /sampler uniform needs n/));
  it('more starts than the limit', () => rejects({ sampler: 'uniform', n: MAX_STARTS + 1 }, /exceeds the limit of 4294967296/));
  it('an unknown sampler name', () =>
    rejects({ sampler: 'random' as StartSpec['sampler'], n: 5 }, /unknown sampler 'random'; choose one of grid, uniform, lhs, sobol, halton, file/));
  it('a non-integer seed', () => rejects({ sampler: 'uniform', n: 5, seed: 1.5 }, /seed 1.5 is not a safe integer/));

  it('grid counts of the wrong length', () =>
    rejects({ sampler: 'grid', gridCounts: [2, 3, 4] }, /grid counts have 3 entries but the box has 2 axes/));
  it('a grid count below 1', () => rejects({ sampler: 'grid', gridCounts: [10, 0] }, /grid count 0 is not a whole number ≥ 1/));
  it('a fractional grid count', () => rejects({ sampler: 'grid', gridCounts: [2.5] }, /grid count 2.5/));
  it('a grid with neither counts nor n', () => rejects({ sampler: 'grid' }, /grid needs its size/));
  it('grid counts that disagree with n', () =>
    rejects({ sampler: 'grid', gridCounts: [10, 10], n: 50 }, /n = 50 disagrees with grid 10x10 = 100 points/));
  it('a grid beyond the limit', () =>
    rejects({ sampler: 'grid', gridCounts: [100000, 100000] }, /grid 100000x100000 has 10000000000 points, over the limit/));

  it('an empty box', () => rejects({ sampler: 'uniform', n: 5 }, /the box has no axes/, []));
  it('a box with low above high', () => rejects({ sampler: 'uniform', n: 5 }, /box axis 2 is \[1, -1\], low above high/, [[0, 1], [1, -1]]));
  it('a box with an infinite end', () =>
    rejects({ sampler: 'uniform', n: 5 }, /box axis 1 is \[0, Infinity\]; both ends must be finite/, [[0, Infinity]]));
});

describe('rows() of a start set', () => {
  const set = syncSet({ sampler: 'uniform', n: 10 }, unitSquare);

  it('rejects a window past the end, naming the size', () => {
    expect(() => set.rows(8, 3)).toThrowError(UserError);
    expect(() => set.rows(8, 3)).toThrowError(/rows 8\.\.10 requested but the set has 10 starts/);
  });

  it('rejects negative or fractional arguments', () => {
    expect(() => set.rows(-1, 2)).toThrowError(/from and count must be whole numbers/);
    expect(() => set.rows(0, 1.5)).toThrowError(/from and count must be whole numbers/);
  });

  it('returns an empty array for a zero-length window', () => {
    expect(set.rows(10, 0)).toEqual(new Float32Array(0));
  });
});
