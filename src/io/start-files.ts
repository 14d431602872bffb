import type { AsyncChunks } from './atomic.ts';
import type { ResultRows } from './start-rows.ts';
import { startsCsvRows } from './starts-csv.ts';
import { startsParquetRows } from './starts-parquet.ts';

/** The per-start file formats, in the order they are written. */
export const START_FORMATS = ['csv', 'parquet'] as const;
export type StartFormat = (typeof START_FORMATS)[number];

/** Where a run's files go: a RunDir (io/run-dir.ts), which puts them in place together on commit. */
export interface FileSink {
  write(name: string, content: AsyncChunks): Promise<string>;
}

/** Writes starts.csv and/or starts.parquet (same columns, see startColumns) into `sink`; returns their paths. */
export async function writeStartFiles(sink: FileSink, formats: readonly StartFormat[], rows: ResultRows): Promise<string[]> {
  const written: string[] = [];
  for (const format of START_FORMATS.filter((f) => formats.includes(f))) {
    const content = format === 'csv' ? startsCsvRows(rows) : startsParquetRows(rows);
    written.push(await sink.write(`starts.${format}`, content));
  }
  return written;
}
