import type { KnownPoint } from '../objectives/types.ts';
import type { Basin } from './types.ts';

/**
 * The listed stationary point each basin sits on (within the clustering distance, Chebyshev), if
 * any: lets a report say "this is the known global minimum" and lets tests check coverage.
 */
export function matchKnown(basins: Basin[], known: KnownPoint[], distance: number): (KnownPoint | undefined)[] {
  return basins.map((b) =>
    known.find((k) => k.x.length === b.x.length && k.x.every((v, j) => Math.abs(v - b.x[j]) <= distance)),
  );
}
