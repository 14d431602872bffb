import { describeEndPoints, splitFlat, unreachedGlobalNote } from '../basins/flat.ts';
import { basinLabel } from '../basins/label.ts';
import type { BasinSummary } from '../basins/types.ts';
import type { KnownPoint } from '../objectives/types.ts';
import { formatNumber } from './format.ts';
import type { ConvergenceTimes } from '../science/convergence.ts';
import { formatConvergence } from '../science/format.ts';

/**
 * The readable terminal table of basins: best first, global ones starred, plateau end points in
 * one "flat" row (basins/flat.ts); with `times`, a column of each basin's iterations to converge
 * (median and max); last the warnings (basins/warnings.ts: summary.json's `warnings`) when a share
 * of the starts failed. `known[k]` is the listed point basin k sits on.
 */
export function basinTable(s: BasinSummary, known: (KnownPoint | undefined)[], warnings: readonly string[] = [], times?: ConvergenceTimes, maxRows = 30): string {
  const nit = times && formatConvergence(times);
  const { basins: listed, flat } = splitFlat(s);
  const rows = listed.slice(0, maxRows).map((b) => [
    `${basinLabel(b.id)}${b.global ? ' *' : ''}`,
    formatNumber(b.f),
    `(${b.x.map(formatNumber).join(', ')})`,
    (b.kind ?? 'unclassified') + (b.boundary ? ', on box edge' : ''),
    b.count.toLocaleString('en'),
    `${(b.fraction * 100).toFixed(2)}%`,
    known[b.id] ? `${known[b.id]!.global ? 'global ' : ''}${known[b.id]!.kind}` : '',
    ...(nit ? [nit.get(b.id) ?? ''] : []),
  ]);
  if (flat) {
    const f = flat.f.min === flat.f.max ? formatNumber(flat.f.min) : `${formatNumber(flat.f.min)} to ${formatNumber(flat.f.max)}`;
    rows.push(['flat', f, `${flat.endPoints.toLocaleString('en')} end points`, 'flat region (no curvature)', flat.count.toLocaleString('en'), `${(flat.fraction * 100).toFixed(2)}%`, '', ...(nit ? [''] : [])]);
  }
  const header = ['basin', 'f', 'x', 'Hessian says', 'starts', 'fraction', 'listed as', ...(nit ? ['iterations'] : [])];
  const right = new Set([4, 5]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (right.has(j) ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ').trimEnd();
  const out = [line(header), ...rows.map(line)];
  if (listed.length > maxRows) out.push(`... ${listed.length - maxRows} more end points (see summary.json)`);
  const { converged, maxiter, diverged, interrupted } = s.counts;
  const tally =
    `converged ${converged.toLocaleString('en')}, max iterations ${maxiter.toLocaleString('en')}, diverged ${diverged.toLocaleString('en')}` +
    (interrupted ? `, interrupted ${interrupted.toLocaleString('en')}` : '');
  if (s.basins.length === 0) {
    const { interrupted: _, ...finished } = s.counts;
    const why = Object.values(finished).every((c) => c === 0) ? '; the run was interrupted before any start finished' : '';
    return [`no start converged, so there is no end point to map (${tally})${why}`, ...warnings].join('\n');
  }
  const unreached = unreachedGlobalNote(s, formatNumber);
  out.push(`${s.basins.length.toLocaleString('en')} distinct end points (${describeEndPoints(s)}; ${unreached ? 'none is global' : '* = global'}); ${tally}`);
  const best = listed.find((b) => b.kind !== 'saddle' && b.kind !== 'maximum');
  if (unreached && best) out.push(`basin ${basinLabel(best.id)} (f = ${formatNumber(best.f)}) is the ${unreached}`);
  return [...out, ...warnings].join('\n');
}
