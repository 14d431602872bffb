import type { Box } from '../../core/options.ts';
import type { BasinKind, BasinSummary } from '../basins/types.ts';
import type { ParamAxis } from './axes.ts';

/** One branch (a minimum followed across parameter values) at one value. */
export interface BranchPoint {
  /** Index of the value along the line (0 = the first value of the swept parameter). */
  step: number;
  value: number;
  /** The basin's id in that point's summary. */
  basin: number;
  x: number[];
  f: number;
  fraction: number;
  count: number;
  kind?: BasinKind;
}

export interface Branch {
  /** Branch number within its line; also its row/column in the tipping matrices. */
  id: number;
  points: BranchPoint[];
}

/** A minimum that appears (no partner at the previous value) or vanishes (none at the next). */
export interface BifurcationEvent {
  kind: 'appear' | 'vanish';
  branch: number;
  /** The two consecutive values it happens between. */
  between: [number, number];
  /** Where the branch is at its first (appear) or last (vanish) value. */
  x: number[];
}

/**
 * Between two consecutive values: share[i][j] = fraction of all starts whose basin is branch
 * from[i] at the first value and branch to[j] at the second. Branch −1 gathers the starts that
 * reached no basin (diverged, maxiter, interrupted). Rows sum to the fraction of each from-branch.
 */
export interface TippingMatrix {
  between: [number, number];
  from: number[];
  to: number[];
  share: number[][];
}

/** The sweep along the first parameter, at one value of every other parameter. */
export interface ContinuationLine {
  /** The other parameters' values on this line. */
  fixed: Record<string, number>;
  /** Index of each of the line's points in the sweep's grid (SweepResult.points). */
  points: number[];
  values: number[];
  branches: Branch[];
  events: BifurcationEvent[];
  tipping: TippingMatrix[];
}

export interface Continuation {
  /** The swept parameter (the first --param). */
  parameter: string;
  /** Distance (Euclidean, free variables) under which minima at consecutive values are one branch. */
  matchDistance: number;
  lines: ContinuationLine[];
}

/**
 * Default match distance: 10% of the widest box side. Minima of smooth families move by
 * O(Δa · ‖dx_min/da‖) between consecutive values, small against the box for any sweep with tens of
 * values, while distinct minima of the library's functions are ≥ 1e-2 of the box apart and
 * typically far more; near a bifurcation a branch moves like √Δa and may be declared new.
 */
export const MATCH_FRACTION = 0.1;

/**
 * Follows every basin along the first parameter: consecutive values are matched greedily by
 * distance between end points (nearest pair first, each basin used once, within matchDistance);
 * unmatched basins start or end a branch (a bifurcation event). Starts are the same x0 at every
 * value, so the tipping matrix counts, start by start, where each one goes next.
 */
export function continuation(axes: readonly ParamAxis[], points: readonly number[][], summaries: readonly BasinSummary[], opts: { box: Box; distance?: number }): Continuation {
  const width = Math.max(...opts.box.map(([lo, hi]) => hi - lo));
  const matchDistance = opts.distance ?? MATCH_FRACTION * width;
  const lines: ContinuationLine[] = [];
  const byLine = new Map<string, number[]>();
  points.forEach((pt, k) => {
    const key = JSON.stringify(pt.slice(1));
    if (!byLine.has(key)) byLine.set(key, []);
    byLine.get(key)!.push(k);
  });
  for (const ks of byLine.values()) {
    const fixed = Object.fromEntries(axes.slice(1).map((a, j) => [a.name, points[ks[0]][j + 1]]));
    lines.push({ ...followLine(ks.map((k) => points[k][0]), ks.map((k) => summaries[k]), fixed, matchDistance), points: ks });
  }
  return { parameter: axes[0].name, matchDistance, lines };
}

function followLine(values: number[], sums: BasinSummary[], fixed: Record<string, number>, tol: number): Omit<ContinuationLine, 'points'> {
  const branches: Branch[] = [];
  const events: BifurcationEvent[] = [];
  const tipping: TippingMatrix[] = [];
  // branchOf[s][basin id] = branch id of that basin at step s.
  const branchOf: number[][] = [];
  sums.forEach((s, step) => {
    const ids = new Array<number>(s.basins.length).fill(-1);
    if (step > 0) {
      const prev = sums[step - 1];
      for (const [i, j] of greedyMatch(prev.basins.map((b) => b.x), s.basins.map((b) => b.x), tol)) ids[j] = branchOf[step - 1][i];
      // Basins at the previous step that found no partner end their branch there.
      const taken = new Set(ids.filter((b) => b >= 0));
      branchOf[step - 1].forEach((b) => {
        if (!taken.has(b)) events.push({ kind: 'vanish', branch: b, between: [values[step - 1], values[step]], x: branches[b].points.at(-1)!.x });
      });
    }
    s.basins.forEach((basin, j) => {
      if (ids[j] < 0) {
        ids[j] = branches.length;
        branches.push({ id: ids[j], points: [] });
        if (step > 0) events.push({ kind: 'appear', branch: ids[j], between: [values[step - 1], values[step]], x: basin.x });
      }
      branches[ids[j]].points.push({ step, value: values[step], basin: j, x: basin.x, f: basin.f, fraction: basin.fraction, count: basin.count, kind: basin.kind });
    });
    branchOf.push(ids);
    if (step > 0) tipping.push(tippingMatrix(sums[step - 1], s, branchOf[step - 1], ids, [values[step - 1], values[step]]));
  });
  return { fixed, values, branches, events, tipping };
}

/** Pairs (i in a, j in b) nearest first, each index once, closer than tol. */
export function greedyMatch(a: readonly number[][], b: readonly number[][], tol: number): Array<[number, number]> {
  const pairs: Array<[number, number, number]> = [];
  a.forEach((p, i) => b.forEach((q, j) => {
    const dist = Math.hypot(...p.map((v, c) => v - q[c]));
    if (dist <= tol) pairs.push([dist, i, j]);
  }));
  pairs.sort((u, v) => u[0] - v[0]);
  const [usedA, usedB] = [new Set<number>(), new Set<number>()];
  const out: Array<[number, number]> = [];
  for (const [, i, j] of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    out.push([i, j]);
  }
  return out;
}

function tippingMatrix(s0: BasinSummary, s1: BasinSummary, ids0: number[], ids1: number[], between: [number, number]): TippingMatrix {
  const from = [...new Set(ids0)].sort((u, v) => u - v).concat(-1);
  const to = [...new Set(ids1)].sort((u, v) => u - v).concat(-1);
  const share = from.map(() => to.map(() => 0));
  const branch = (ids: number[], outcome: number) => (outcome >= 0 ? ids[outcome] : -1);
  const n = s0.outcome.length;
  for (let i = 0; i < n; i++) {
    share[from.indexOf(branch(ids0, s0.outcome[i]))][to.indexOf(branch(ids1, s1.outcome[i]))] += 1 / n;
  }
  return { between, from, to, share };
}
