import type { KnownPoint } from '../objectives/types.ts';
import type { Saddle } from './types.ts';

/**
 * The function's listed saddle each found saddle sits on (within the clustering distance,
 * Chebyshev, as minima are matched in basins/match-known.ts), and the listed saddles not found.
 */
export function matchKnownSaddles(saddles: readonly Saddle[], known: readonly KnownPoint[], distance: number): { known: (KnownPoint | undefined)[]; missed: KnownPoint[] } {
  const listed = known.filter((k) => k.kind === 'saddle');
  const near = (k: KnownPoint, x: readonly number[]) => k.x.length === x.length && k.x.every((v, j) => Math.abs(v - x[j]) <= distance);
  const matched = saddles.map((s) => listed.find((k) => near(k, s.x)));
  return { known: matched, missed: listed.filter((k) => !matched.includes(k)) };
}
