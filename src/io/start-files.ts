import { join } from 'node:path';
import type { StartResults } from '../../core/results.ts';
import { writeFileAtomic } from './atomic.ts';
import { startsCsv } from './starts-csv.ts';
import { writeStartsParquet } from './starts-parquet.ts';

/** The per-start file formats, in the order they are written. */
export const START_FORMATS = ['csv', 'parquet'] as const;
export type StartFormat = (typeof START_FORMATS)[number];

/** Writes starts.csv and/or starts.parquet (same columns, see startColumns) into dir; returns their paths. */
export async function writeStartFiles(dir: string, formats: readonly StartFormat[], r: StartResults, outcome: Int32Array): Promise<string[]> {
  const written: string[] = [];
  for (const format of START_FORMATS.filter((f) => formats.includes(f))) {
    const path = join(dir, `starts.${format}`);
    if (format === 'csv') writeFileAtomic(path, startsCsv(r, outcome));
    else await writeStartsParquet(path, r, outcome);
    written.push(path);
  }
  return written;
}
