import { statusName } from '../../core/status.ts';
import type { StartResults } from '../../core/results.ts';
import { formatterFor } from './float.ts';
import { sliceResults, type ResultRows } from './start-rows.ts';

/** Column names shared by every per-start file format (CSV, Parquet): x0_1..x0_d, x_1..x_d, ... */
export function startColumns(d: number): string[] {
  const axes = Array.from({ length: d }, (_, j) => j + 1);
  return ['start', ...axes.map((j) => `x0_${j}`), ...axes.map((j) => `x_${j}`), 'fun', 'grad_norm', 'nit', 'status', 'basin'];
}

/** starts.csv as chunks of text, so a 1e7-row file never needs to be one string in memory. */
export function* startsCsv(r: StartResults, outcome: Int32Array, rowsPerChunk = 65536, firstStart = 0): Generator<string> {
  yield startColumns(r.d).join(',') + '\n';
  for (let from = 0; from < r.n; from += rowsPerChunk) yield csvLines(sliceResults(r, from, Math.min(r.n, from + rowsPerChunk)), outcome.subarray(from), firstStart + from);
}

/** starts.csv from rows read batch by batch (a merge's shards): the same bytes as startsCsv. */
export async function* startsCsvRows(rows: ResultRows, rowsPerChunk = 65536): AsyncGenerator<string> {
  yield startColumns(rows.d).join(',') + '\n';
  for await (const b of rows.batches(rowsPerChunk)) yield csvLines(b.results, b.outcome, b.start);
}

/** The lines of rows r (outcome[i] is row i's), numbered from `firstStart`, each ending in a newline. */
function csvLines(r: StartResults, outcome: Int32Array, firstStart: number): string {
  const { d } = r;
  const lines: string[] = [];
  // Every value as text that reads back as the same number in the run's type. x0 is float32 in
  // every run; a float64 run writes it as float64 text too (its exact value), as Parquet does.
  const xf = formatterFor(r.x), x0f = xf, ff = formatterFor(r.fun), gf = formatterFor(r.gradNorm);
  for (let i = 0; i < r.n; i++) {
    const cells: (string | number)[] = [firstStart + i];
    for (let j = 0; j < d; j++) cells.push(x0f(r.x0[i * d + j]));
    for (let j = 0; j < d; j++) cells.push(xf(r.x[i * d + j]));
    cells.push(ff(r.fun[i]), gf(r.gradNorm[i]), r.nit[i], statusName(r.status[i]), basinColumn(outcome[i]));
    lines.push(cells.join(','));
  }
  return r.n > 0 ? lines.join('\n') + '\n' : '';
}

/** The `basin` column: the basin a start reached, or −1 when it reached none (its status says why). */
export function basinColumn(outcome: number): number {
  return outcome >= 0 ? outcome : -1;
}
