import type { Basin } from '../basins/types.ts';
import { bracketWidth, midpoints, type Brackets } from './brackets.ts';
import type { Descents } from './descend.ts';
import { labelEndPoints } from './label.ts';

export interface BisectOptions {
  /** Stop a bracket once it is this short (Chebyshev); 0: only `rounds` and float32 stop it. */
  width: number;
  rounds: number;
  basins: readonly Basin[];
  distance: number;
  counts: (b: Basin) => boolean;
  onRound?: (round: number, live: number) => void;
}

/**
 * Batched bisection: each round descends the midpoints of every bracket still longer than
 * `width` in ONE batch and keeps the half whose ends reach different basins. A midpoint that
 * reaches a third basin c keeps [a, mid] as an la | c bracket; one that reaches no basin of the
 * map (it stalled on the boundary itself) or equals an end in float32 ends that bracket's
 * bisection where it is. Works in place; returns the rounds run.
 */
export async function bisect(br: Brackets, descents: Descents, o: BisectOptions): Promise<number> {
  const { d } = br;
  const done = new Uint8Array(br.n);
  let round = 0;
  for (; round < o.rounds; round++) {
    const live: number[] = [];
    for (let i = 0; i < br.n; i++) if (!done[i] && bracketWidth(br, i) > o.width) live.push(i);
    o.onRound?.(round, live.length);
    if (live.length === 0) break;
    const mids = midpoints(br, live);
    const label = labelEndPoints(await descents.full(mids), o.basins, o.distance, o.counts);
    live.forEach((i, k) => {
      const mid = mids.subarray(k * d, (k + 1) * d);
      if (same(mid, br.a, i, d) || same(mid, br.b, i, d) || label[k] < 0) {
        done[i] = 1;
        return;
      }
      if (label[k] === br.la[i]) br.a.set(mid, i * d);
      else {
        br.b.set(mid, i * d);
        br.lb[i] = label[k];
      }
    });
  }
  return round;
}

function same(p: Float32Array, m: Float32Array, i: number, d: number): boolean {
  for (let j = 0; j < d; j++) if (p[j] !== m[i * d + j]) return false;
  return true;
}
