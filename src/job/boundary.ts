import { fieldLabels } from '../refine/quadtree.ts';
import { analyzeBoundary, labelGrid, type BoundaryReport } from '../science/index.ts';
import type { MapResult } from '../map.ts';

/**
 * Grid points up to which `map` measures the boundary unless told otherwise: the measures cost
 * about 1 s per 1e5 points here (analyzeBoundary on a 1000 × 1000 grid: 9.5 s on the 2-core
 * machine), so a default 100 × 100 map pays 0.1 s and a 1000 × 1000 one asks for it by name.
 */
export const BOUNDARY_AUTO_POINTS = 250_000;

/** summary.json's `boundary`: the measures, or why there are none. */
export type BoundaryEntry = BoundaryReport | { skipped: string };

/**
 * The boundary measures of a grid map (science/): on the refined field when the map was refined
 * (the finest resolution, where the boundary is), otherwise on the grid of starts, axis 1
 * fastest as the grid sampler makes them. `want`: true measures whatever the size, false never,
 * undefined up to BOUNDARY_AUTO_POINTS.
 */
export function mapBoundary(map: MapResult, dims: number[] | undefined, want: boolean | undefined): BoundaryEntry | undefined {
  if (want === false) return undefined;
  if (!dims && !map.refined) return want ? { skipped: 'the starts are not a grid: boundary measures need --sampler grid (or --grid, --slice)' } : undefined;
  const grid = map.refined
    ? labelGrid(fieldLabels(map.refined.field, map.summary.outcome), map.refined.field.dims)
    : labelGrid(map.summary.outcome, dims!);
  const points = grid.labels.length;
  if (want === undefined && points > BOUNDARY_AUTO_POINTS) {
    return { skipped: `${points.toLocaleString('en-US')} grid points is more than ${BOUNDARY_AUTO_POINTS.toLocaleString('en-US')}: measured on request (--boundary), about 1 s per 1e5 points` };
  }
  return analyzeBoundary(grid);
}
