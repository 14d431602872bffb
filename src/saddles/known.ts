import { symmetricEigenvalues } from '../basins/eigen.ts';
import { hessians } from '../basins/hessian.ts';
import type { KnownPoint, ObjectiveFn } from '../objectives/types.ts';
import type { Saddle } from './types.ts';

/**
 * The function's listed saddles that are first-order (exactly one negative eigenvalue of the
 * Hessian there): the ones this search looks for. A 3-D Styblinski–Tang lists index-2 saddles too.
 */
export async function listedFirstOrder(f: ObjectiveFn, known: readonly KnownPoint[], d: number): Promise<KnownPoint[]> {
  const listed = known.filter((k) => k.kind === 'saddle' && k.x.length === d);
  const hs = await hessians(f, listed.map((k) => k.x), d);
  return listed.filter((_, i) => symmetricEigenvalues(hs[i], d).filter((l) => l < 0).length === 1);
}

/**
 * The listed saddle each found saddle sits on (within the clustering distance, Chebyshev, as
 * minima are matched in basins/match-known.ts), and the listed ones not found.
 */
export function matchKnownSaddles(saddles: readonly Saddle[], listed: readonly KnownPoint[], distance: number): { known: (KnownPoint | undefined)[]; missed: KnownPoint[] } {
  const near = (k: KnownPoint, x: readonly number[]) => k.x.length === x.length && k.x.every((v, j) => Math.abs(v - x[j]) <= distance);
  const matched = saddles.map((s) => listed.find((k) => near(k, s.x)));
  return { known: matched, missed: listed.filter((k) => !matched.includes(k)) };
}
