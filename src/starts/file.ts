import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { UserError } from '../../core/errors.ts';
import type { Box } from '../objectives/types.ts';
import type { StartSet } from './types.ts';
import type { ParsedMatrix } from './matrix.ts';
import { linesOf, parseCsv } from './csv.ts';
import { isNpy, parseNpy } from './npy.ts';
import { checkCount, checkRows } from './validate.ts';
import { isRunTable, runTableFromCsv, runTableFromParquet, type RunTableStarts } from './run-table.ts';
import { parseWhere } from './where.ts';
import { readParquetColumns } from '../io/read-starts-parquet.ts';

type Format = 'csv' | 'json' | 'npy' | 'parquet';

/**
 * Starts read from a file: CSV (optional header), JSON (an array of rows, or {"starts": [...]})
 * or .npy (2-D float32/float64), or a run's own starts.csv / starts.parquet (its x0 columns;
 * `where`, a --where filter, keeps only some rows: run-table.ts). The format follows the
 * extension, else the content.
 *
 * Every row must have exactly d finite numbers that survive conversion to float32. Rows outside
 * the box are kept as given — a user may deliberately start outside the usual search box — and
 * counted in `outOfBox` and `describe`. If n is given it must equal the number of rows.
 */
export async function fileStartSet(file: string | undefined, n: number | undefined, box: Box, where?: string): Promise<StartSet> {
  if (!file) throw new UserError('sampler file needs a path; give the CSV, JSON or .npy file of starts');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UserError(`cannot read start file ${file} (${code}); check the path and permissions`);
  }
  const format = formatOf(file, bytes);
  const filter = where === undefined ? undefined : parseWhere(where);
  const table = await runTable(bytes, file, format, filter);
  if (filter && !table) throw new UserError(`--where needs a run's own starts.csv or starts.parquet (with status and basin columns), and ${file} is not one; drop --where or give that file`);
  const parsed = table ?? (format === 'npy' ? parseNpy(bytes, file) : format === 'csv' ? parseCsv(textChunks(bytes), file) : parseJson(jsonText(bytes, file), file));
  const d = box.length;
  if (table && filter && table.rows === 0) throw new UserError(`no start of ${file} matches --where ${filter.text} (it holds ${table.total}); change the filter or drop --where`);
  if (parsed.rows === 0) throw new UserError(`${file} holds zero starts; give at least one row of ${d} numbers`);
  if (parsed.cols !== d) {
    throw new UserError(`${file} has ${parsed.cols} columns but the box has ${d} axes; give one column per axis`);
  }
  if (n !== undefined && checkCount(n) !== parsed.rows) {
    throw new UserError(`${file} holds ${parsed.rows} starts but n = ${n}; drop n or make it match the file`);
  }
  const starts = toFloat32(parsed, file);
  const outOfBox = countOutside(starts, box);
  const outside = outOfBox > 0 ? `, ${outOfBox} outside the box (kept)` : '';
  const what = table ? `${format}, a run's starts${filter ? `, where ${filter.text}: ${parsed.rows} of ${table.total}` : ''}` : format;
  return {
    n: parsed.rows,
    d,
    outOfBox,
    describe: `file ${file} (${what}): ${parsed.rows} starts${outside}`,
    rows(from: number, count: number): Float32Array {
      checkRows(from, count, parsed.rows);
      return starts.slice(from * d, (from + count) * d);
    },
  };
}

/** The file as a run's starts table, when it is one (CSV with its header, or Parquet); else undefined. */
async function runTable(bytes: Uint8Array, file: string, format: Format, filter: ReturnType<typeof parseWhere> | undefined): Promise<RunTableStarts | undefined> {
  if (format === 'parquet') {
    let columns;
    try {
      columns = await readParquetColumns(bytes);
    } catch (e) {
      throw new UserError(`${file} is not a readable Parquet file (${(e as Error).message.split('\n')[0].slice(0, 120)}); give the starts.parquet a run wrote`);
    }
    if (!isRunTable(columns.names)) throw new UserError(`${file} is a Parquet file without the columns of a run's starts (x0_1.., status, basin); give the starts.parquet a run wrote, or a CSV of starts`);
    return runTableFromParquet(columns, filter);
  }
  if (format !== 'csv') return undefined;
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).split(/\r?\n/).find((l) => l.trim() !== '');
  if (head === undefined || !isRunTable(head.split(',').map((f) => f.trim()))) return undefined;
  return runTableFromCsv(linesOf(textChunks(bytes)), file, filter);
}

const PARQUET_MAGIC = 'PAR1';

function formatOf(file: string, bytes: Uint8Array): Format {
  const ext = extname(file).toLowerCase();
  if (ext === '.parquet') return 'parquet';
  if (new TextDecoder().decode(bytes.subarray(0, 4)) === PARQUET_MAGIC) return 'parquet';
  if (ext === '.npy') return 'npy';
  if (ext === '.json') return 'json';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (isNpy(bytes)) return 'npy';
  const first = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart()[0];
  return first === '[' || first === '{' ? 'json' : 'csv';
}

/** Text is decoded in pieces: one string can hold at most ~512 MiB in V8. */
const TEXT_CHUNK = 32 * 2 ** 20;

function* textChunks(bytes: Uint8Array): Generator<string> {
  const decoder = new TextDecoder();
  for (let at = 0; at < bytes.length; at += TEXT_CHUNK) yield decoder.decode(bytes.subarray(at, at + TEXT_CHUNK), { stream: at + TEXT_CHUNK < bytes.length });
}

function jsonText(bytes: Uint8Array, file: string): string {
  if (bytes.length > 2 ** 28) throw new UserError(`${file} is ${(bytes.length / 2 ** 20).toFixed(0)} MiB of JSON, more than a JSON start file may be (256 MiB): save the starts as CSV or .npy`);
  return new TextDecoder().decode(bytes);
}

function parseJson(text: string, file: string): ParsedMatrix {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file} is not valid JSON (${(e as Error).message}); fix the syntax or save the starts as CSV`);
  }
  const list = Array.isArray(doc) ? doc : (doc as { starts?: unknown } | null)?.starts;
  if (!Array.isArray(list)) {
    throw new UserError(`${file} holds neither an array of rows nor {"starts": [...]}; write the starts as [[x1, x2, ...], ...]`);
  }
  const cols = Array.isArray(list[0]) ? list[0].length : 0;
  const data = new Float64Array(list.length * cols);
  list.forEach((row: unknown, r) => {
    if (!Array.isArray(row)) {
      throw new UserError(`${file} row ${r + 1} is ${JSON.stringify(row)}, not an array; each start is an array of numbers`);
    }
    if (row.length !== cols) {
      throw new UserError(`${file} row ${r + 1} has ${row.length} values but row 1 has ${cols}; give every start the same number of columns`);
    }
    row.forEach((x: unknown, c) => {
      if (typeof x !== 'number') {
        throw new UserError(`${file} row ${r + 1} column ${c + 1} is ${JSON.stringify(x)}, not a finite number; starts must be numbers`);
      }
      data[r * cols + c] = x;
    });
  });
  return { rows: list.length, cols, data, where: (r) => `row ${r + 1}` };
}

function toFloat32(m: ParsedMatrix, file: string): Float32Array {
  const out = new Float32Array(m.rows * m.cols);
  for (let k = 0; k < out.length; k++) {
    out[k] = m.data[k];
    if (!Number.isFinite(out[k])) {
      const where = `${m.where(Math.floor(k / m.cols))} column ${(k % m.cols) + 1}`;
      const why = Number.isFinite(m.data[k]) ? `${m.data[k]} overflows float32` : `${m.data[k]} is not finite`;
      throw new UserError(`${file} ${where}: ${why}; every start coordinate must be a finite float32 number`);
    }
  }
  return out;
}

/** Against the box as float32 sees it, so that a start written as the edge counts as inside. */
function countOutside(starts: Float32Array, box: Box): number {
  const d = box.length;
  const lo = box.map(([a]) => Math.fround(a));
  const hi = box.map(([, b]) => Math.fround(b));
  let outside = 0;
  for (let r = 0; r < starts.length / d; r++) {
    for (let j = 0; j < d; j++) {
      const x = starts[r * d + j];
      if (x < lo[j] || x > hi[j]) {
        outside++;
        break;
      }
    }
  }
  return outside;
}
