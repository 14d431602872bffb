/**
 * A Parquet file read back column by column (starts.parquet, or any flat table): the reader the
 * round trip uses (--starts-file of a run's own starts.parquet) and the tests that compare what
 * was written, bit for bit. Numeric columns come back as their typed arrays (float32 as
 * Float32Array, float64 as Float64Array), text columns as strings.
 */
export interface ParquetColumns {
  rows: number;
  names: string[];
  /** The column's values: a typed array for numbers, strings for text; throws for a missing name. */
  column(name: string): ArrayLike<number> | string[];
}

export async function readParquetColumns(bytes: Uint8Array): Promise<ParquetColumns> {
  const [arrow, pq] = await Promise.all([import('apache-arrow'), import('parquet-wasm')]);
  const wasmTable = pq.readParquet(bytes);
  const table = arrow.tableFromIPC(wasmTable.intoIPCStream());
  const names = table.schema.fields.map((f) => f.name);
  return {
    rows: table.numRows,
    names,
    column(name) {
      const v = table.getChild(name);
      if (!v) throw new RangeError(`no column ${name} in the Parquet file (it has ${names.join(', ')})`);
      return arrow.DataType.isUtf8(v.type) ? Array.from(v as Iterable<string>) : (v.toArray() as ArrayLike<number>);
    },
  };
}
