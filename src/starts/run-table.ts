import { UserError } from '../../core/errors.ts';
import type { ParquetColumns } from '../io/read-starts-parquet.ts';
import type { ParsedMatrix } from './matrix.ts';
import type { RowFilter } from './where.ts';

/**
 * A run's own per-start table (starts.csv or starts.parquet: start, x0_1..x0_d, x_1..x_d, fun,
 * grad_norm, nit, status, basin), read as a start file: its starting points (the x0 columns),
 * optionally only the rows --where selects, so that a map's failures can run again with other
 * settings from the very points they started at.
 */
export interface RunTableStarts extends ParsedMatrix {
  /** Rows in the file, before --where. */
  total: number;
}

/** Whether a header (the first line's fields, or a Parquet file's columns) is that of a run's starts table. */
export function isRunTable(names: readonly string[]): boolean {
  return names.includes('x0_1') && names.includes('status') && names.includes('basin');
}

/** The x0 column names in axis order (x0_1, x0_2, ...), as many as the table has. */
function x0Columns(names: readonly string[]): string[] {
  const out: string[] = [];
  while (names.includes(`x0_${out.length + 1}`)) out.push(`x0_${out.length + 1}`);
  return out;
}

/** starts.csv's lines (header first) as starts, keeping the rows `filter` accepts. */
export function runTableFromCsv(lines: Iterable<string>, file: string, filter?: RowFilter): RunTableStarts {
  let header: string[] | undefined;
  let x0: number[] = [], status = 0, basin = 0;
  const data: number[] = [];
  const lineOf: number[] = [];
  let li = 0, total = 0;
  for (const raw of lines) {
    li++;
    const line = raw.trim();
    if (line === '') continue;
    const fields = line.split(',');
    if (!header) {
      header = fields.map((f) => f.trim());
      x0 = x0Columns(header).map((n) => header!.indexOf(n));
      status = header.indexOf('status');
      basin = header.indexOf('basin');
      continue;
    }
    if (fields.length !== header.length) throw new UserError(`${file} line ${li} has ${fields.length} fields but its header has ${header.length}; give the run's starts.csv as it was written`);
    total++;
    if (filter && !filter.test({ status: fields[status], basin: Number(fields[basin]) })) continue;
    for (const c of x0) {
      const v = Number(fields[c]);
      if (fields[c] === '' || Number.isNaN(v)) throw new UserError(`${file} line ${li} column ${header[c]} is '${fields[c]}', not a number; give the run's starts.csv as it was written`);
      data.push(v);
    }
    lineOf.push(li);
  }
  return { rows: lineOf.length, cols: x0.length, data, where: (r) => `line ${lineOf[r]}`, total };
}

/** starts.parquet's columns as starts, keeping the rows `filter` accepts. */
export function runTableFromParquet(t: ParquetColumns, filter?: RowFilter): RunTableStarts {
  const cols = x0Columns(t.names).map((n) => t.column(n) as ArrayLike<number>);
  const status = t.column('status') as string[];
  const basin = t.column('basin') as ArrayLike<number>;
  const keep: number[] = [];
  for (let i = 0; i < t.rows; i++) if (!filter || filter.test({ status: status[i], basin: basin[i] })) keep.push(i);
  const data = new Float64Array(keep.length * cols.length);
  keep.forEach((i, r) => cols.forEach((c, j) => (data[r * cols.length + j] = c[i])));
  return { rows: keep.length, cols: cols.length, data, where: (r) => `row ${keep[r] + 1}`, total: t.rows };
}
