import { basinColumn } from './starts-csv.ts';
import type { Vector } from 'apache-arrow';
import { STATUS_BY_CODE } from '../../core/status.ts';
import { allocateResults, type FloatColumn, type StartResults } from '../../core/results.ts';
import { writeFileAtomic } from './atomic.ts';
import { startColumns } from './starts-csv.ts';
import { rowsInMemory, type ResultRows, type RowBatch } from './start-rows.ts';

// Both libraries load on first use: parquet-wasm compiles 5 MB of WebAssembly, which a run that
// writes only CSV should not pay for. Under Node, 'parquet-wasm' resolves (package exports,
// "node" condition) to its CommonJS build, which reads its .wasm from the installed package.
type Arrow = typeof import('apache-arrow');
type ParquetWasm = typeof import('parquet-wasm');
const libraries = async (): Promise<[Arrow, ParquetWasm]> => Promise.all([import('apache-arrow'), import('parquet-wasm')]);

/** Rows of one row group: ~32 MiB of Arrow data, so memory stays flat however many starts there are. */
export function rowsPerGroup(d: number): number {
  const bytesPerRow = 4 + 8 * d + 4 + 4 + 4 + 4 + 12; // start, x0, x, fun, grad_norm, nit, basin, status text
  return Math.max(1024, Math.min(1 << 20, Math.floor((32 << 20) / bytesPerRow)));
}

/**
 * starts.parquet: the columns of starts.csv, same names and order (`startColumns`), typed:
 * start, nit, basin int32 (basin −1 = none); x0_*, x_*, fun, grad_norm float32, or float64 in a float64 run (the values the
 * descent computed, bit for bit; NaN stays NaN); status the status name as a string.
 * Row groups are streamed through parquet-wasm one at a time. The file's bytes are gathered
 * before the atomic write, since writeFileAtomic takes a synchronous sequence of chunks.
 */
export async function writeStartsParquet(path: string, r: StartResults, outcome: Int32Array, groupRows = rowsPerGroup(r.d)): Promise<void> {
  writeFileAtomic(path, await startsParquet(r, outcome, groupRows));
}

/** The Parquet file as its chunks (about one per row group). */
export async function startsParquet(r: StartResults, outcome: Int32Array, groupRows = rowsPerGroup(r.d)): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of startsParquetRows(rowsInMemory(r, outcome), groupRows)) chunks.push(chunk);
  return chunks;
}

/**
 * The Parquet file from rows read batch by batch (in memory, or a merge's shards), one row group
 * per batch of `groupRows`, so the bytes do not depend on where the rows came from.
 */
export async function* startsParquetRows(rows: ResultRows, groupRows = rowsPerGroup(rows.d)): AsyncGenerator<Uint8Array> {
  const [arrow, pq] = await libraries();
  const source = rows.batches(groupRows)[Symbol.asyncIterator]();
  let first = true;
  const batches = new ReadableStream({
    // Pulled one row group at a time; the Arrow data of a group is freed once it is handed over.
    // With no starts, one empty batch still gives the file its columns.
    async pull(controller) {
      const next = await source.next();
      if (next.done && !first) {
        controller.close();
        return;
      }
      first = false;
      const b = next.done ? { start: 0, results: allocateResults(0, rows.d), outcome: new Int32Array(0) } : next.value;
      const table = pq.Table.fromIPCStream(arrow.tableToIPC(new arrow.Table(startBatch(arrow, b)), 'stream'));
      for (const batch of table.recordBatches()) controller.enqueue(batch);
      table.free();
    },
  }, { highWaterMark: 0 });
  const props = new pq.WriterPropertiesBuilder().setCompression(parquetCodec(arrow, pq)).setMaxRowGroupSize(groupRows).build();
  yield* (await pq.transformParquetStream(batches, props)) as unknown as AsyncIterable<Uint8Array>;
}

/** One batch of rows as Arrow vectors keyed by column name, in startColumns order. */
function startBatch(arrow: Arrow, b: RowBatch): Record<string, Vector> {
  const { results: r, outcome } = b;
  const { d } = r;
  const m = r.n;
  // Each column keeps the type it was computed in: float32, or float64 in a float64 run (x0 is
  // float32 in every run, and is written in the run's type so that a file has one float type).
  const F = r.x instanceof Float64Array ? Float64Array : Float32Array;
  const axis = (rows: FloatColumn, j: number) => {
    const out = new F(m);
    for (let i = 0; i < m; i++) out[i] = rows[i * d + j];
    return arrow.makeVector(out);
  };
  const byName: Record<string, Vector> = {
    start: arrow.makeVector(Int32Array.from({ length: m }, (_, i) => b.start + i)),
    fun: arrow.makeVector(r.fun.slice()),
    grad_norm: arrow.makeVector(r.gradNorm.slice()),
    nit: arrow.makeVector(r.nit.slice()),
    status: statusVector(arrow, r.status),
    basin: arrow.makeVector(Int32Array.from(outcome, basinColumn)),
  };
  for (let j = 0; j < d; j++) {
    byName[`x0_${j + 1}`] = axis(r.x0, j);
    byName[`x_${j + 1}`] = axis(r.x, j);
  }
  return Object.fromEntries(startColumns(d).map((name) => [name, byName[name]]));
}

const STATUS_UTF8 = STATUS_BY_CODE.map((name) => new TextEncoder().encode(name));

/** Status names as an Arrow Utf8 column, built from the codes without a JS string per row. */
export function statusVector(arrow: Arrow, codes: Uint8Array): Vector {
  const offsets = new Int32Array(codes.length + 1);
  for (let i = 0; i < codes.length; i++) offsets[i + 1] = offsets[i] + STATUS_UTF8[codes[i]].length;
  const bytes = new Uint8Array(offsets[codes.length]);
  for (let i = 0; i < codes.length; i++) bytes.set(STATUS_UTF8[codes[i]], offsets[i]);
  return arrow.makeVector(arrow.makeData({ type: new arrow.Utf8(), length: codes.length, nullCount: 0, valueOffsets: offsets, data: bytes }));
}

let chosenCodec: number | undefined;

/**
 * zstd, else snappy, else none: the first codec this parquet-wasm build can write (builds may
 * leave codecs out). Found once by writing a one-row file with each.
 */
export function parquetCodec(arrow: Arrow, pq: ParquetWasm): number {
  if (chosenCodec !== undefined) return chosenCodec;
  const probe = arrow.tableToIPC(new arrow.Table({ v: arrow.makeVector(new Float32Array([1])) }), 'stream');
  for (const c of [pq.Compression.ZSTD, pq.Compression.SNAPPY]) {
    try {
      pq.writeParquet(pq.Table.fromIPCStream(probe), new pq.WriterPropertiesBuilder().setCompression(c).build());
      return (chosenCodec = c);
    } catch {
      // This codec is not compiled in: try the next.
    }
  }
  return (chosenCodec = pq.Compression.UNCOMPRESSED);
}
