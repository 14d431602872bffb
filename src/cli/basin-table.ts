import type { BasinSummary } from '../basins/types.ts';
import type { KnownPoint } from '../objectives/types.ts';
import { formatNumber } from './format.ts';
import type { ConvergenceTimes } from '../science/convergence.ts';
import { formatConvergence } from '../science/format.ts';

/**
 * The readable terminal table of basins: best first, global ones starred. With `times`, a column
 * of each basin's iterations to converge (median and max); last the warnings (basins/warnings.ts:
 * summary.json's `warnings`) when a share of the starts failed.
 */
export function basinTable(s: BasinSummary, known: (KnownPoint | undefined)[], warnings: readonly string[] = [], times?: ConvergenceTimes, maxRows = 30): string {
  const nit = times && formatConvergence(times);
  const rows = s.basins.slice(0, maxRows).map((b, k) => [
    `${b.id + 1}${b.global ? ' *' : ''}`,
    formatNumber(b.f),
    `(${b.x.map(formatNumber).join(', ')})`,
    (b.kind ?? 'unclassified') + (b.boundary ? ', on box edge' : ''),
    b.count.toLocaleString('en'),
    `${(b.fraction * 100).toFixed(2)}%`,
    known[k] ? `${known[k]!.global ? 'global ' : ''}${known[k]!.kind}` : '',
    ...(nit ? [nit.get(b.id) ?? ''] : []),
  ]);
  const header = ['basin', 'f', 'x', 'Hessian says', 'starts', 'fraction', 'listed as', ...(nit ? ['iterations'] : [])];
  const right = new Set([4, 5]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (right.has(j) ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ').trimEnd();
  const out = [line(header), ...rows.map(line)];
  if (s.basins.length > maxRows) out.push(`... ${s.basins.length - maxRows} more end points (see summary.json)`);
  const kinds = new Map<string, number>();
  for (const b of s.basins) kinds.set(b.kind ?? 'unclassified', (kinds.get(b.kind ?? 'unclassified') ?? 0) + 1);
  const { converged, maxiter, diverged, interrupted } = s.counts;
  const tally =
    `converged ${converged.toLocaleString('en')}, max iterations ${maxiter.toLocaleString('en')}, diverged ${diverged.toLocaleString('en')}` +
    (interrupted ? `, interrupted ${interrupted.toLocaleString('en')}` : '');
  if (s.basins.length === 0) {
    const { interrupted: _, ...finished } = s.counts;
    const why = Object.values(finished).every((c) => c === 0) ? '; the run was interrupted before any start finished' : '';
    return [`no start converged, so there is no end point to map (${tally})${why}`, ...warnings].join('\n');
  }
  out.push(`${s.basins.length} distinct end points (${[...kinds].map(([k, c]) => `${c} ${plural(k, c)}`).join(', ')}; * = global); ${tally}`);
  return [...out, ...warnings].join('\n');
}

function plural(kind: string, count: number): string {
  if (count === 1) return kind;
  return kind === 'minimum' ? 'minima' : kind === 'maximum' ? 'maxima' : `${kind}s`;
}
