import { basinLabel, saddleLabel } from '../basins/label.ts';
import type { SaddleReport } from '../saddles/types.ts';
import { formatNumber } from './format.ts';

/** The terminal table of saddles, lowest first: where, f, the minima joined (basin numbers) and the barriers. */
export function saddleTable(r: SaddleReport, maxRows = 30): string {
  const { known, missed } = r.listed;
  const rows = r.saddles.slice(0, maxRows).map((s, k) => [
    saddleLabel(s.id),
    formatNumber(s.f),
    `(${s.x.map(formatNumber).join(', ')})`,
    `${basinLabel(s.minima[0])} – ${basinLabel(s.minima[1])}`,
    s.barriers.map((b) => (Number.isFinite(b) ? formatNumber(b) : '–')).join(', '),
    formatNumber(s.eigenvalues[0]),
    known[k] ? 'saddle' : '',
  ]);
  const header = ['saddle', 'f', 'x', 'joins basins', 'barriers f(saddle) − f(min)', 'λ−', 'listed as'];
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => c.padEnd(widths[j])).join('  ').trimEnd();
  const out = r.saddles.length ? [line(header), ...rows.map(line)] : [];
  if (r.saddles.length > maxRows) out.push(`... ${r.saddles.length - maxRows} more saddles (see saddles.json)`);
  const s = r.search;
  const rejected = s.rejected.notStationary + s.rejected.notIndexOne;
  out.push(
    `${r.saddles.length} first-order ${r.saddles.length === 1 ? 'saddle' : 'saddles'} from ${s.boundaryPairs.toLocaleString('en')} boundary segments ` +
      `(${s.bisectRounds} bisection and ${s.trackRounds} tracking rounds, ${s.batches} batches, ${s.rowsDescended.toLocaleString('en')} descents` +
      `${rejected ? `, ${rejected} candidates rejected` : ''}) in ${s.seconds.toFixed(2)} s`,
  );
  if (missed.length) out.push(`listed first-order saddles not found: ${missed.map((k) => `(${k.x.map(formatNumber).join(', ')}) f = ${formatNumber(k.f)}`).join('; ')}`);
  return out.join('\n');
}
