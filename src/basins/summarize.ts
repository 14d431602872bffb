import { STATUS, statusName } from '../../core/status.ts';
import { OUTCOME, unclusteredOutcome } from './outcome.ts';
import type { FloatColumn, StartResults } from '../../core/results.ts';
import type { Box } from '../objectives/types.ts';
import { Clusterer } from './cluster.ts';
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
  const basins = new BasinAccumulator(r.n, r.d, opts);
  basins.add(r);
  return basins.finish();
}

/**
 * summarize for starts that arrive in batches, in start order (a merge reads shard after
 * shard): the same clusters, basins and outcomes as one call over all of them. It keeps 4 bytes
 * a start (the outcome) and, per cluster, its leader, best member and count.
 */
export class BasinAccumulator {
  private readonly outcome: Int32Array;
  private readonly clusters: Clusterer;
  private readonly count: number[] = [];
  private readonly bestF: number[] = [];
  private readonly bestX: FloatColumn[] = [];
  private readonly distance: number;
  private readonly better: (a: number, b: number) => boolean;
  private next = 0;
  private finished = false;

  constructor(readonly n: number, readonly d: number, private readonly opts: SummaryOptions) {
    this.outcome = new Int32Array(n);
    this.distance = opts.distance ?? defaultTolerances(opts.box).distance;
    this.clusters = new Clusterer(d, this.distance);
    this.better = opts.sense === 'min' ? (a, b) => a < b : (a, b) => a > b;
  }

  /** The next r.n starts. */
  add(r: StartResults): void {
    if (r.d !== this.d || this.next + r.n > this.n) throw new RangeError(`BasinAccumulator.add: ${r.n} rows of ${r.d} after ${this.next} of ${this.n} rows of ${this.d}`);
    for (let i = 0; i < r.n; i++) {
      const index = this.next + i;
      if (!(STATUS[statusName(r.status[i])].converged && Number.isFinite(r.fun[i]))) {
        this.outcome[index] = unclusteredOutcome(r, i);
        continue;
      }
      const c = this.clusters.add(r.x, i, index);
      this.outcome[index] = c;
      if (c === this.count.length) {
        this.count.push(1);
        this.bestF.push(r.fun[i]);
        this.bestX.push(r.x.slice(i * r.d, (i + 1) * r.d));
      } else {
        this.count[c]++;
        if (this.better(r.fun[i], this.bestF[c])) {
          this.bestF[c] = r.fun[i];
          this.bestX[c] = r.x.slice(i * r.d, (i + 1) * r.d);
        }
      }
    }
    this.next += r.n;
  }

  /** The summary, once every start was added. */
  finish(): BasinSummary {
    if (this.next !== this.n || this.finished) throw new RangeError(`BasinAccumulator.finish after ${this.next} of ${this.n} rows${this.finished ? ', again' : ''}`);
    this.finished = true;
    const { n, d, distance, better, bestF, bestX, count, outcome, opts } = this;
    const defaults = defaultTolerances(opts.box);
    const clusters = count.map((_, c) => c);
    // Best f first. Values within the float32 tie tolerance count as equal and are ordered by x,
    // so that symmetric minima (Rastrigin's, Himmelblau's) come out in the same order on every
    // backend, whatever the last-bit noise in their f.
    const top = clusters.reduce<number | undefined>((acc, c) => (acc === undefined || better(bestF[c], acc) ? bestF[c] : acc), undefined);
    const tie = defaults.fTieRelative * (1 + Math.abs(top ?? 0));
    const level = (c: number) => Math.round((opts.sense === 'min' ? bestF[c] : -bestF[c]) / tie);
    const order = clusters.sort((a, b) => level(a) - level(b) || lexicographic(bestX[a], bestX[b], distance) || a - b);
    const rank = new Int32Array(order.length);
    order.forEach((c, k) => (rank[c] = k));

    const basins: Basin[] = order.map((c, k) => ({ id: k, x: Array.from(bestX[c]), f: bestF[c], count: count[c], fraction: count[c] / n, global: false }));
    const counts = { converged: 0, maxiter: 0, diverged: 0, interrupted: 0 };
    for (let i = 0; i < n; i++) {
      if (outcome[i] >= 0) outcome[i] = rank[outcome[i]];
      if (outcome[i] >= 0) counts.converged++;
      else if (outcome[i] === OUTCOME.diverged) counts.diverged++;
      else if (outcome[i] === OUTCOME.maxiter) counts.maxiter++;
      else counts.interrupted++;
    }
    return { n, d, sense: opts.sense, basins, outcome, counts, tolerances: { distance, fTie: tie } };
  }
}

/** Compares points coordinate by coordinate, treating coordinates within tol as equal. */
function lexicographic(a: FloatColumn, b: FloatColumn, tol: number): number {
  for (let j = 0; j < a.length; j++) if (Math.abs(a[j] - b[j]) > tol) return a[j] - b[j];
  return 0;
}
