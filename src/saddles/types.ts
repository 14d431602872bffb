import type { KnownPoint } from '../objectives/types.ts';

/** A first-order saddle (transition state) found from a basin map, and the two minima it joins. */
export interface Saddle {
  /** Index into SaddleReport.saddles, lowest f first. */
  id: number;
  x: number[];
  f: number;
  /** ‖∇f‖ at x (float32 autodiff), at or below the search's gradient tolerance. */
  gradNorm: number;
  /** The Hessian's eigenvalues at x, ascending: exactly one is negative. */
  eigenvalues: number[];
  /**
   * The map's basins (ids) reached by descending from x a small step either way along the
   * negative-curvature direction; -1 where that descent reached none of them.
   */
  minima: [number, number];
  /** f(saddle) − f(minimum) for each of `minima` (NaN where the minimum is -1). */
  barriers: [number, number];
  /** How many boundary segments of the map led to this saddle. */
  pairs: number;
}

/** What the search did, for summary files and the benchmark. */
export interface SaddleSearchStats {
  /** Neighbouring grid starts that reached different minima: the segments bisected. */
  boundaryPairs: number;
  bisectRounds: number;
  trackRounds: number;
  /** Batches sent through the driver, and the rows they held. */
  batches: number;
  rowsDescended: number;
  /** Candidate points that failed the check, by reason. */
  rejected: { notStationary: number; notIndexOne: number };
  seconds: number;
}

export interface SaddleReport {
  saddles: Saddle[];
  /**
   * For library functions: the listed first-order saddle each found one is (undefined where it
   * is none), and the listed first-order saddles not found.
   */
  listed: { known: (KnownPoint | undefined)[]; missed: KnownPoint[] };
  search: SaddleSearchStats;
  /** The tolerances the check and the deduplication used, and why (see find.ts). */
  tolerances: { gradient: number; distance: number; offset: number };
}

/** Progress of the search, phase by phase. */
export interface SaddleProgress {
  phase: 'bisect' | 'track' | 'refine' | 'connect';
  round: number;
  /** Segments (or candidate points) still being worked on. */
  live: number;
}
