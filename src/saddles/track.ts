import { STATUS, statusName } from '../../core/status.ts';
import { Clusterer } from '../basins/cluster.ts';
import { bisect, type BisectOptions } from './bisect.ts';
import { makeBrackets, midpoints, selectBrackets, type Brackets } from './brackets.ts';
import type { Descents } from './descend.ts';
import { labelEndPoints } from './label.ts';

export interface TrackOptions extends Omit<BisectOptions, 'onRound'> {
  /** Tracking rounds at most. */
  tracks: number;
  /** A bracket whose midpoint moved less than this (Chebyshev) in a round has settled. */
  settle: number;
  /**
   * The optimizer keeps no state between steps (gd): a point moved by a few steps is still in the
   * basin it was in. Otherwise each move is checked by descending the moved ends.
   */
  memoryless: boolean;
  onRound?: (round: number, live: number) => void;
}

/**
 * Edge tracking (Skufca, Yorke & Eckhardt, PRL 96, 174101, 2006): both ends of every bracket
 * take a few descent steps, which carries them along the basin boundary (the saddle's stable
 * manifold) towards the saddle while the unstable direction pulls them apart; bisection then
 * shortens the brackets again. Repeated, the midpoints converge to the saddles. Brackets that
 * meet (midpoints within the clustering distance) are merged, so the batch shrinks to about one
 * bracket per saddle. Returns the brackets (settled ones and those still moving) and the rounds.
 */
export async function track(start: Brackets, descents: Descents, o: TrackOptions): Promise<{ brackets: Brackets; rounds: number; bisectRounds: number }> {
  const { d } = start;
  let br = start;
  const settled: Brackets[] = [];
  let round = 0;
  let bisectRounds = 0;
  for (; round < o.tracks && br.n > 0; round++) {
    o.onRound?.(round, br.n);
    const before = midpoints(br);
    const moved = await descents.steps(concat(br.a, br.b));
    const ok = (r: number) => !STATUS[statusName(moved.status[r])].diverged && Number.isFinite(moved.fun[r]);
    // Brackets are float32 (Float32Array.from copies, and rounds the x of a float64 engine).
    const next = makeBrackets(Float32Array.from(moved.x.subarray(0, br.n * d)), Float32Array.from(moved.x.subarray(br.n * d)), br.la.slice(), br.lb.slice(), d, br.weight.slice());
    let keep = (i: number) => ok(i) && ok(br.n + i);
    if (!o.memoryless) {
      const label = labelEndPoints(await descents.full(concat(next.a, next.b)), o.basins, o.distance, o.counts);
      const inner = keep;
      keep = (i) => inner(i) && label[i] >= 0 && label[br.n + i] >= 0 && label[i] !== label[br.n + i];
      for (let i = 0; i < br.n; i++) [next.la[i], next.lb[i]] = [label[i], label[br.n + i]];
    }
    const kept = selectBrackets(next, keep);
    const oldMids = selectRows(before, d, keep, br.n);
    bisectRounds += await bisect(kept, descents, { ...o, onRound: undefined });
    const mids = midpoints(kept);
    const still = (i: number) => chebyshev(mids, oldMids, i, d) > o.settle;
    settled.push(selectBrackets(kept, (i) => !still(i)));
    br = merge(selectBrackets(kept, still), o.distance);
  }
  const all = merge(join([...settled, br], d), o.distance);
  return { brackets: all, rounds: round, bisectRounds };
}

/** Brackets whose midpoints lie within `tol` of an earlier one's merge into it (weights add). */
export function merge(br: Brackets, tol: number): Brackets {
  const mids = midpoints(br);
  const clusters = new Clusterer(br.d, tol);
  const first = new Map<number, number>();
  const weight = new Int32Array(br.n);
  for (let i = 0; i < br.n; i++) {
    const c = clusters.add(mids, i, i);
    if (!first.has(c)) first.set(c, i);
    weight[first.get(c)!] += br.weight[i];
  }
  const leaders = new Set(first.values());
  const out = selectBrackets({ ...br, weight }, (i) => leaders.has(i));
  return out;
}

function join(list: Brackets[], d: number): Brackets {
  const cat = (f: (b: Brackets) => Float32Array) => concat(...list.map(f));
  const cati = (f: (b: Brackets) => Int32Array) => Int32Array.from(list.flatMap((b) => Array.from(f(b))));
  return makeBrackets(cat((b) => b.a), cat((b) => b.b), cati((b) => b.la), cati((b) => b.lb), d, cati((b) => b.weight));
}

function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function selectRows(m: Float32Array, d: number, keep: (i: number) => boolean, n: number): Float32Array {
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) rows.push(i);
  const out = new Float32Array(rows.length * d);
  rows.forEach((i, k) => out.set(m.subarray(i * d, (i + 1) * d), k * d));
  return out;
}

function chebyshev(p: Float32Array, q: Float32Array, i: number, d: number): number {
  let w = 0;
  for (let j = 0; j < d; j++) w = Math.max(w, Math.abs(p[i * d + j] - q[i * d + j]));
  return w;
}
