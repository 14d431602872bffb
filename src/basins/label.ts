/**
 * How a basin or a saddle is named to people (the terminal tables, the disconnectivity graph's
 * leaves, the explore page): by its id, the number the files carry (starts.csv's and
 * starts.parquet's `basin` column, summary.json's and saddles.json's `id` and `minima`) and the
 * number `--where basin=N` selects, so that a basin read off the table is the one a filter finds.
 * Counted from 0, as the files are.
 */
export function basinLabel(id: number): string {
  return id >= 0 ? String(id) : 'none';
}

export function saddleLabel(id: number): string {
  return String(id);
}
