import type { StartResults } from '../../core/results.ts';
import { OUTCOME } from '../basins/outcome.ts';
import type { BasinSummary } from '../basins/types.ts';
import { gridStartSet } from '../starts/grid.ts';
import { areaCounts, fieldLabels, fineGridBox, type QuadField, type RefineGrid } from './quadtree.ts';

/**
 * What the basin map draws for a refined map: the field at its finest resolution, as if it were
 * the full fine grid (one "start" per fine cell, at the cell's centre, with its leaf's outcome and
 * iterations). The drawing code then needs nothing of its own for refinement: it sees a grid. The
 * summary's counts are fine-cell counts, so the legend's shares are by area too.
 */
export function refinedPicture(grid: RefineGrid, field: QuadField, summary: BasinSummary, nit: Int32Array): { results: Pick<StartResults, 'n' | 'd' | 'x0' | 'nit'>; summary: BasinSummary } {
  const [w, h] = field.dims;
  const n = w * h;
  const x0 = gridStartSet([w, h], undefined, fineGridBox(grid, field.round)).rows(0, n);
  const outcome = fieldLabels(field, summary.outcome);
  const area = areaCounts(field, summary.outcome);
  const at = (code: number) => area.get(code) ?? 0;
  const converged = [...area].filter(([l]) => l >= 0).reduce((s, [, c]) => s + c, 0);
  return {
    results: { n, d: 2, x0, nit: field.owner.map((o) => nit[o]) },
    summary: {
      ...summary,
      n,
      outcome,
      basins: summary.basins.map((b) => ({ ...b, count: at(b.id) })),
      counts: { converged, maxiter: at(OUTCOME.maxiter), diverged: at(OUTCOME.diverged), interrupted: at(OUTCOME.interrupted) },
    },
  };
}
