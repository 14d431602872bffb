import type { RefineRound, Refinement } from './refine.ts';

type Refined = Omit<Refinement, 'results'>;

/** summary.json's `refine` entry: what the rounds did and what they cost against the full fine grid. */
export interface RefineRecord {
  /** The coarse grid's points per axis, and the finest cells per axis reached. */
  grid: number[];
  finest: number[];
  rounds: RefineRound[];
  /** Starts descended in all (the coarse grid's and every round's). */
  starts: number;
  /** The equivalent full fine grid's starts, and the share of them descended. */
  fullGridStarts: number;
  costFraction: number;
  fractions: string;
  rows: string;
}

export function refineRecord(r: Refined, starts: number): RefineRecord {
  const fullGridStarts = r.field.dims[0] * r.field.dims[1];
  return {
    grid: [...r.grid.counts],
    finest: [...r.field.dims],
    rounds: r.rounds,
    starts,
    fullGridStarts,
    costFraction: starts / fullGridStarts,
    fractions: 'basin fractions are by area: a cell refined r times is 4^r children of 1/4^r of its area each',
    rows: 'the per-start files hold the coarse grid first, then each round\'s starts from rounds[k].firstStart on (cells h/2^round wide)',
  };
}

/** One line for the picture's subtitle (in place of the grid's description) and the terminal. */
export function describeRefinement(r: Refined, starts: number): string {
  const rec = refineRecord(r, starts);
  const times = r.rounds.length === 1 ? 'once' : r.rounds.length === 2 ? 'twice' : `${r.rounds.length} times`;
  return `grid ${rec.grid.join('x')} refined ${times} to ${rec.finest.join('x')}: ${starts.toLocaleString('en')} starts, ${(100 * rec.costFraction).toFixed(1)}% of the full grid`;
}
