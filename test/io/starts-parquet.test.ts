import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { Compression, ParquetFile, readParquet } from 'parquet-wasm';
import { describe, expect, it } from 'vitest';
import { allocateResults } from '../../core/results.ts';
import { STATUS_BY_CODE } from '../../core/status.ts';
import { startColumns } from '../../src/io/starts-csv.ts';
import { startsParquet, writeStartsParquet } from '../../src/io/starts-parquet.ts';
import { runCli } from '../support/cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'basinmap-parquet-'));
/** The per-start files and summary.json in a run's directory (pictures aside). */
const outputs = (dir: string) => readdirSync(dir).filter((f) => /^(starts\.|summary\.json$)/.test(f)).sort();

/** Read back with parquet-wasm's reader, into Arrow JS. */
const readBack = (bytes: Uint8Array): Table => tableFromIPC(readParquet(bytes).intoIPCStream());

/** A CSV cell as the float32 it was written from (formatFloat32 writes nan, inf, -inf). */
const csvFloat = (cell: string) => Math.fround(cell === 'nan' ? NaN : cell === 'inf' ? Infinity : cell === '-inf' ? -Infinity : Number(cell));

describe('starts.parquet from results', () => {
  // 2500 rows in row groups of 1024: three groups, the last one short.
  const n = 2500;
  const d = 3;
  const r = allocateResults(n, d);
  const specials = [NaN, Infinity, -Infinity, -0, 1e-45, 3.4028234663852886e38];
  for (let i = 0; i < n * d; i++) {
    r.x0[i] = Math.fround(Math.sin(i) * 5);
    r.x[i] = i < specials.length ? specials[i] : Math.fround(Math.cos(i) * 1e-3);
  }
  for (let i = 0; i < n; i++) {
    r.fun[i] = i % 11 === 0 ? NaN : Math.fround(i / 7);
    r.gradNorm[i] = Math.fround(1 / (i + 1));
    r.nit[i] = i * 3;
    r.status[i] = i % STATUS_BY_CODE.length;
  }
  const basin = Int32Array.from({ length: n }, (_, i) => (i % 5) - 1);

  it('keeps every column and value: names and order of starts.csv, float32 bit for bit', async () => {
    const bytes = Buffer.concat(await startsParquet(r, basin, 1024));
    const t = readBack(bytes);
    expect(t.numRows).toBe(n);
    expect(t.schema.fields.map((f) => f.name)).toEqual(startColumns(d));
    const types = Object.fromEntries(t.schema.fields.map((f) => [f.name, String(f.type)]));
    expect(types).toMatchObject({ start: 'Int32', x0_1: 'Float32', x_3: 'Float32', fun: 'Float32', grad_norm: 'Float32', nit: 'Int32', status: 'Utf8', basin: 'Int32' });
    for (let j = 0; j < d; j++) {
      const x0 = t.getChild(`x0_${j + 1}`)!.toArray() as Float32Array;
      const x = t.getChild(`x_${j + 1}`)!.toArray() as Float32Array;
      for (let i = 0; i < n; i++) {
        expect(Object.is(x0[i], r.x0[i * d + j])).toBe(true);
        expect(Object.is(x[i], r.x[i * d + j])).toBe(true);
      }
    }
    expect(Array.from(t.getChild('fun')!.toArray() as Float32Array)).toEqual(Array.from(r.fun));
    expect(t.getChild('grad_norm')!.toArray()).toEqual(r.gradNorm);
    expect(t.getChild('nit')!.toArray()).toEqual(r.nit);
    expect(t.getChild('basin')!.toArray()).toEqual(basin);
    expect(Array.from(t.getChild('start')!.toArray() as Int32Array)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(Array.from(t.getChild('status')!, String)).toEqual(Array.from(r.status, (c) => STATUS_BY_CODE[c]));
  });

  it('writes row groups of the asked size, compressed, atomically', async () => {
    const path = join(tmp(), 'starts.parquet');
    await writeStartsParquet(path, r, basin, 1024);
    const bytes = readFileSync(path);
    const file = await ParquetFile.fromFile(new Blob([bytes]));
    const meta = file.metadata();
    expect(meta.numRowGroups()).toBe(3);
    expect([0, 1, 2].map((g) => meta.rowGroup(g).numRows())).toEqual([1024, 1024, 452]);
    expect(meta.fileMetadata().numRows()).toBe(n);
    expect([Compression.ZSTD, Compression.SNAPPY]).toContain(meta.rowGroup(0).column(0).compression());
    expect(readdirSync(join(path, '..'))).toEqual(['starts.parquet']);
  });
});

describe('basinmap map --format', () => {
  it('writes starts.parquet that matches starts.csv of the same run, column by column', () => {
    const out = join(tmp(), 'run');
    const r = runCli(['map', 'himmelblau', '--grid', '20', '--backend', 'wasm', '--quiet', '--format', 'csv,parquet', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(outputs(out)).toEqual(['starts.csv', 'starts.parquet', 'summary.json']);

    const [header, ...lines] = readFileSync(join(out, 'starts.csv'), 'utf8').trim().split('\n');
    const names = header.split(',');
    const rows = lines.map((l) => l.split(','));
    const t = readBack(readFileSync(join(out, 'starts.parquet')));
    expect(t.schema.fields.map((f) => f.name)).toEqual(names);
    expect(t.numRows).toBe(rows.length);
    names.forEach((name, j) => {
      const column = Array.from(t.getChild(name)!) as (number | string)[];
      const fromCsv = rows.map((cells) => cells[j]);
      if (name === 'status') expect(column).toEqual(fromCsv);
      else if (['start', 'nit', 'basin'].includes(name)) expect(column).toEqual(fromCsv.map(Number));
      else expect(column).toEqual(fromCsv.map(csvFloat));
    });
    expect(r.stdout).toMatch(/wrote .*starts\.csv, .*starts\.parquet, .*summary\.json/);
  });

  it('writes only starts.parquet with --format parquet, and rejects an unknown format before any work', () => {
    const out = join(tmp(), 'run');
    const ok = runCli(['map', 'himmelblau', '--grid', '4', '--backend', 'cpu', '--quiet', '--format', 'parquet', '--out', out]);
    expect(ok.status).toBe(0);
    expect(outputs(out)).toEqual(['starts.parquet', 'summary.json']);

    const never = join(tmp(), 'never');
    const bad = runCli(['map', 'himmelblau', '--grid', '4', '--backend', 'cpu', '--format', 'csv,feather', '--out', never]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^basinmap: error: --format "csv,feather": choose csv, parquet/)]);
    expect(() => readdirSync(never)).toThrow();
  });
});

// pandas and polars, when this machine's Python has them: the readers researchers use.
const python = process.env.BASINMAP_PYTHON ?? 'python3';
const probe = spawnSync(python, ['-c', 'import pandas, polars; pandas.io.parquet.get_engine("auto")'], { encoding: 'utf8' });
const pythonMissing = probe.error
  ? `${python} not found (set BASINMAP_PYTHON)`
  : probe.status !== 0
    ? `${python} lacks pandas (with pyarrow or fastparquet) or polars: ${probe.stderr.trim().split('\n').at(-1)}`
    : undefined;
if (pythonMissing) console.warn(`[skip] starts.parquet read by pandas and polars: ${pythonMissing}`);

const READ_WITH_BOTH = `
import json, sys
import pandas as pd, polars as pl
path = sys.argv[1]
a, b = pd.read_parquet(path), pl.read_parquet(path)
def some(col): return [None if v != v else v for v in col[:5]] + [None if v != v else v for v in col[-3:]]
print(json.dumps({
  "pandas": {"rows": len(a), "columns": list(a.columns), "dtypes": {c: str(t) for c, t in a.dtypes.items()},
             "x_1": some(a["x_1"].tolist()), "fun": some(a["fun"].tolist()), "status": some(a["status"].tolist()), "basin": some(a["basin"].tolist())},
  "polars": {"rows": b.height, "columns": b.columns, "dtypes": {c: str(t) for c, t in zip(b.columns, b.dtypes)},
             "x_1": some(b["x_1"].to_list()), "fun": some(b["fun"].to_list()), "status": some(b["status"].to_list()), "basin": some(b["basin"].to_list())},
}))
`;

describe.skipIf(pythonMissing !== undefined)('starts.parquet read by pandas and polars', () => {
  it('gives both the rows, the column types and the values of starts.csv', () => {
    const out = join(tmp(), 'run');
    const r = runCli(['map', 'himmelblau', '--grid', '15', '--backend', 'wasm', '--quiet', '--format', 'csv,parquet', '--out', out]);
    expect(r.status).toBe(0);
    const py = spawnSync(python, ['-c', READ_WITH_BOTH, join(out, 'starts.parquet')], { encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    const seen = JSON.parse(py.stdout);
    const [header, ...lines] = readFileSync(join(out, 'starts.csv'), 'utf8').trim().split('\n');
    const rows = lines.map((l) => l.split(','));
    const col = (name: string) => rows.map((c) => c[header.split(',').indexOf(name)]);
    const some = <T>(v: T[]) => [...v.slice(0, 5), ...v.slice(-3)];
    const floats = (name: string) => some(col(name).map(csvFloat)).map((v) => (Number.isNaN(v) ? null : v));
    for (const lib of ['pandas', 'polars']) {
      expect(seen[lib].rows).toBe(rows.length);
      expect(seen[lib].columns).toEqual(header.split(','));
      expect(seen[lib].x_1).toEqual(floats('x_1'));
      expect(seen[lib].fun).toEqual(floats('fun'));
      expect(seen[lib].status).toEqual(some(col('status')));
      expect(seen[lib].basin).toEqual(some(col('basin').map(Number)));
    }
    expect(seen.pandas.dtypes).toMatchObject({ x_1: 'float32', fun: 'float32', nit: 'int32', basin: 'int32' });
    expect(seen.polars.dtypes).toMatchObject({ x_1: 'Float32', fun: 'Float32', nit: 'Int32', status: expect.stringMatching(/^(String|Utf8)$/), basin: 'Int32' });
  });
});
