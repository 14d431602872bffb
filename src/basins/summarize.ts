import { STATUS, statusName } from '../descent/status.ts';
import type { StartResults } from '../descent/types.ts';
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

/** Clusters the converged end points into distinct minima and marks the global one(s). */
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
  const order = leaders.map((_, c) => c).sort((a, b) => (better(r.fun[best[a]], r.fun[best[b]]) ? -1 : better(r.fun[best[b]], r.fun[best[a]]) ? 1 : a - b));
  const rank = new Int32Array(leaders.length);
  order.forEach((c, k) => (rank[c] = k));

  const fBest = order.length > 0 ? r.fun[best[order[0]]] : NaN;
  const fTie = defaults.fTieRelative * (1 + Math.abs(fBest));
  const basins: Basin[] = order.map((c, k) => {
    const i = best[c];
    const f = r.fun[i];
    return {
      id: k,
      x: Array.from(r.x.subarray(i * r.d, (i + 1) * r.d)),
      f,
      count: count[c],
      fraction: count[c] / r.n,
      global: Math.abs(f - fBest) <= fTie,
    };
  });

  const assignment = new Int32Array(r.n);
  const counts = { converged: 0, maxiter: 0, diverged: 0, interrupted: 0 };
  for (let i = 0; i < r.n; i++) {
    assignment[i] = label[i] < 0 ? -1 : rank[label[i]];
    const s = STATUS[statusName(r.status[i])];
    if (label[i] >= 0) counts.converged++;
    else if (s.diverged || (s.converged && !Number.isFinite(r.fun[i]))) counts.diverged++;
    else if (r.status[i] === STATUS.maxiter.code) counts.maxiter++;
    else counts.interrupted++;
  }
  return { n: r.n, d: r.d, sense: opts.sense, basins, assignment, counts, tolerances: { distance, fTie } };
}
