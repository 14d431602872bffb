import { describe, expect, it } from 'vitest';
import { lowestEigenvector, solve } from '../../src/saddles/linalg.ts';

describe('small dense linear algebra', () => {
  it('solves a system that needs pivoting', () => {
    // [[0, 2], [3, 1]] x = [4, 5] has x = [1, 2]; the zero in the corner forces a row swap.
    const x = solve([0, 2, 3, 1], [4, 5], 2)!;
    // Two float64 eliminations on small integers: exact to a few ulps.
    expect(x[0]).toBeCloseTo(1, 14);
    expect(x[1]).toBeCloseTo(2, 14);
  });

  it('says a singular matrix is singular', () => {
    expect(solve([1, 2, 2, 4], [1, 1], 2)).toBeUndefined();
  });

  it('finds the eigenvector of the negative eigenvalue of a saddle Hessian', () => {
    // [[1, 2], [2, 1]]: eigenvalues −1 (along (1, −1)/√2) and 3 (along (1, 1)/√2).
    const v = lowestEigenvector([1, 2, 2, 1], 2, -1, 4);
    // Inverse iteration with a shift 4e-3 below −1 gains a factor ~1000 a solve: float64-exact after 20.
    expect(Math.abs(v[0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(v[0] * v[1]).toBeCloseTo(-0.5, 12);
  });
});
