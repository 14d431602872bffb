import type { StartResults } from '../../core/results.ts';
import type { AsyncChunks } from './atomic.ts';
import { startsCsv } from './starts-csv.ts';
import { startsParquet } from './starts-parquet.ts';

/** The per-start file formats, in the order they are written. */
export const START_FORMATS = ['csv', 'parquet'] as const;
export type StartFormat = (typeof START_FORMATS)[number];

/** Where a run's files go: a RunDir (io/run-dir.ts), which puts them in place together on commit. */
export interface FileSink {
  write(name: string, content: AsyncChunks): Promise<string>;
}

/** Writes starts.csv and/or starts.parquet (same columns, see startColumns) into `sink`; returns their paths. */
export async function writeStartFiles(sink: FileSink, formats: readonly StartFormat[], r: StartResults, outcome: Int32Array): Promise<string[]> {
  const written: string[] = [];
  for (const format of START_FORMATS.filter((f) => formats.includes(f))) {
    const content = format === 'csv' ? startsCsv(r, outcome) : await startsParquet(r, outcome);
    written.push(await sink.write(`starts.${format}`, content));
  }
  return written;
}
