import { STATUS, statusName } from '../../core/status.ts';
import { OUTCOME, unclusteredOutcome } from './outcome.ts';
import type { StartResults } from '../../core/results.ts';
import type { Box } from '../objectives/types.ts';
import { clusterPoints } from './cluster.ts';
import { defaultTolerances } from './tolerances.ts';
import type { Basin, BasinSummary } from './types.ts';

export interface SummaryOptions {
  box: Box;
  sense: 'min' | 'max';
  /** Chebyshev distance under which two end points are the same minimum (default: see tolerances.ts). */
  distance?: number;
}

/**
 * Clusters the converged end points into distinct minima, best f first, and decides each start's
 * outcome. Which minima are global is decided after classification (classify.ts decideGlobal).
 */
export function summarize(r: StartResults, opts: SummaryOptions): BasinSummary {
  const defaults = defaultTolerances(opts.box);
  const distance = opts.distance ?? defaults.distance;
  const converged = (i: number) => STATUS[statusName(r.status[i])].converged && Number.isFinite(r.fun[i]);
  const { label, leaders } = clusterPoints(r.x, r.d, converged, distance);

  const better = opts.sense === 'min' ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
  const best = leaders.map((l) => l);
  const count = new Array<number>(leaders.length).fill(0);
  for (let i = 0; i < r.n; i++) {
    const c = label[i];
    if (c < 0) continue;
    count[c]++;
    if (better(r.fun[i], r.fun[best[c]])) best[c] = i;
  }
  // Best f first. Values within the float32 tie tolerance count as equal and are ordered by x,
  // so that symmetric minima (Rastrigin's, Himmelblau's) come out in the same order on every
  // backend, whatever the last-bit noise in their f.
  const fOf = (c: number) => r.fun[best[c]];
  const top = leaders.reduce<number | undefined>((acc, _, c) => (acc === undefined || better(fOf(c), acc) ? fOf(c) : acc), undefined);
  const tie = defaults.fTieRelative * (1 + Math.abs(top ?? 0));
  const level = (c: number) => Math.round((opts.sense === 'min' ? fOf(c) : -fOf(c)) / tie);
  const xOf = (c: number) => r.x.subarray(best[c] * r.d, (best[c] + 1) * r.d);
  const order = leaders
    .map((_, c) => c)
    .sort((a, b) => level(a) - level(b) || lexicographic(xOf(a), xOf(b), distance) || a - b);
  const rank = new Int32Array(leaders.length);
  order.forEach((c, k) => (rank[c] = k));

  const basins: Basin[] = order.map((c, k) => {
    const i = best[c];
    return { id: k, x: Array.from(r.x.subarray(i * r.d, (i + 1) * r.d)), f: r.fun[i], count: count[c], fraction: count[c] / r.n, global: false };
  });

  const outcome = new Int32Array(r.n);
  const counts = { converged: 0, maxiter: 0, diverged: 0, interrupted: 0 };
  for (let i = 0; i < r.n; i++) {
    outcome[i] = label[i] >= 0 ? rank[label[i]] : unclusteredOutcome(r, i);
    if (outcome[i] >= 0) counts.converged++;
    else if (outcome[i] === OUTCOME.diverged) counts.diverged++;
    else if (outcome[i] === OUTCOME.maxiter) counts.maxiter++;
    else counts.interrupted++;
  }
  return { n: r.n, d: r.d, sense: opts.sense, basins, outcome, counts, tolerances: { distance, fTie: tie } };
}

/** Compares points coordinate by coordinate, treating coordinates within tol as equal. */
function lexicographic(a: Float32Array, b: Float32Array, tol: number): number {
  for (let j = 0; j < a.length; j++) if (Math.abs(a[j] - b[j]) > tol) return a[j] - b[j];
  return 0;
}
