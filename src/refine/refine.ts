import { allocateResults, type StartResults } from '../../core/results.ts';
import type { BasinSummary } from '../basins/types.ts';
import { fromArray, runStarts, type RunControl } from '../descent/driver.ts';
import type { Compiled } from '../engines/types.ts';
import { areaCounts, boundaryOwners, coarseField, subdivide, type QuadField, type RefineGrid } from './quadtree.ts';

export interface RefineRequest {
  grid: RefineGrid;
  /** Rounds of refinement (K of --refine K). */
  rounds: number;
}

/** What one round did: leaves split, and the starts it descended (rows firstStart.. of the results). */
export interface RefineRound {
  round: number;
  cellsSplit: number;
  starts: number;
  firstStart: number;
}

export interface Refinement {
  /** The coarse starts and then every round's, in order: what the per-start files hold. */
  results: StartResults;
  grid: RefineGrid;
  field: QuadField;
  rounds: RefineRound[];
}

/**
 * `--refine K`: after the coarse grid map, K rounds that each re-descend only the cells on a basin
 * boundary at twice the resolution (quadtree.ts), every round's new starts in ONE call of the one
 * driver. `label` clusters all the results so far into basins (the map's summarize), so a round
 * sees the basins the earlier rounds found. Stops early once no cell is on a boundary.
 */
export async function refineMap(compiled: Compiled, coarse: StartResults, req: RefineRequest, maxIter: number, label: (r: StartResults) => Int32Array, control: Partial<RunControl> = {}): Promise<Refinement> {
  let results = coarse;
  let field = coarseField(req.grid);
  const rounds: RefineRound[] = [];
  for (let r = 1; r <= req.rounds && !control.signal?.aborted; r++) {
    const flag = boundaryOwners(field, label(results), results.n);
    const sub = subdivide(field, flag, req.grid, results.n);
    const n = sub.x0.length / 2;
    const added = n > 0 ? await runStarts(compiled, fromArray(sub.x0, 2), maxIter, control) : allocateResults(0, 2);
    rounds.push({ round: r, cellsSplit: sub.split, starts: n, firstStart: results.n });
    results = appendResults(results, added);
    field = sub.field;
    if (n === 0) break;
  }
  return { results, grid: req.grid, field, rounds };
}

/** a's rows then b's. */
export function appendResults(a: StartResults, b: StartResults): StartResults {
  const out = allocateResults(a.n + b.n, a.d);
  for (const k of ['x0', 'x', 'fun', 'gradNorm', 'nit', 'status'] as const) {
    (out[k] as Float32Array).set(a[k] as Float32Array);
    (out[k] as Float32Array).set(b[k] as Float32Array, a[k].length);
  }
  return out;
}

/**
 * The summary with each basin's fraction by area (a refined cell's children weigh 1/4 each):
 * its share of the finest cells. Counts stay counts of starts descended.
 */
export function areaWeighted(s: BasinSummary, field: QuadField): BasinSummary {
  const area = areaCounts(field, s.outcome);
  const total = field.owner.length;
  return { ...s, basins: s.basins.map((b) => ({ ...b, fraction: (area.get(b.id) ?? 0) / total })) };
}
