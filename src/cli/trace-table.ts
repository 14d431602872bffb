import { STATUS } from '../../core/status.ts';
import type { TracePaths } from '../descent/trace.ts';
import { traceColumns } from '../plot/trace-csv.ts';
import { formatNumber } from './number-format.ts';

// `basinmap trace`'s table of one path; browser-safe, so the explore page prints the same text.

/** One path as an aligned table: every step when short, else the first and last `rows` steps. */
export function traceTable(paths: TracePaths, k: number, rows: number): string {
  const d = paths.x[k][0]?.length ?? 1;
  const path = paths.x[k];
  const last = path.length - 1;
  const head = `path ${k + 1}: from ${point(path[0])} to ${point(path[last])} in ${last} steps (${STATUS[paths.stop[k]].short})`;
  const header = ['step', ...traceColumns(d).slice(2, 2 + d), 'f', '|grad|'];
  const steps = last + 1 <= 2 * rows + 1 ? [...path.keys()] : [...Array(rows).keys(), -1, ...Array.from({ length: rows }, (_, i) => last - rows + 1 + i)];
  const cells = steps.map((t) => (t < 0 ? ['...'] : [String(t), ...path[t].map(formatNumber), formatNumber(paths.f[k][t]), formatNumber(paths.gradNorm[k][t])]));
  const widths = header.map((h, j) => Math.max(h.length, ...cells.map((c) => (c[j] ?? '').length)));
  const line = (c: string[]) => c.map((s, j) => s.padStart(widths[j])).join('  ');
  return [head, line(header), ...cells.map(line)].join('\n');
}

function point(p: number[]): string {
  return p.length === 1 ? formatNumber(p[0]) : `(${p.map(formatNumber).join(', ')})`;
}
