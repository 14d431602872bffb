import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { formatFloat64 } from '../../src/io/float.ts';
import { readParquetColumns } from '../../src/io/read-starts-parquet.ts';
import { runMapJob } from '../../src/job/map-job.ts';
import { writeMapOutputs } from '../../src/io/map-outputs.ts';
import { openRunDir } from '../../src/io/run-dir.ts';
import { findLibraryFunction } from '../../src/objectives/library/index.ts';
import { makeStartSet } from '../../src/starts/index.ts';
import { startColumns } from '../../src/io/starts-csv.ts';

/** The 64 bits of a double, for comparing values exactly (NaN payloads and −0 included). */
const bitsOf = (v: number) => new BigUint64Array(new Float64Array([v]).buffer)[0];
const readCsvFloat = (cell: string) => (cell === 'nan' ? NaN : cell === 'inf' ? Infinity : cell === '-inf' ? -Infinity : Number(cell));

describe('formatFloat64', () => {
  it('writes text that reads back as the same double, bit for bit, including −0 and the extremes', () => {
    const values = [0.1, -1.0316284534898774, 5e-324, 1.7976931348623157e308, -0, 0, 1 / 3, 2 ** -1074, Math.PI * 1e-300];
    for (const v of values) expect(bitsOf(readCsvFloat(formatFloat64(v)))).toBe(bitsOf(v));
    expect([NaN, Infinity, -Infinity].map(formatFloat64)).toEqual(['nan', 'inf', '-inf']);
  });
});

describe('a float64 map, written and read back', () => {
  it('keeps float64 values in starts.csv, starts.parquet and summary.json, bit for bit', async () => {
    const o = findLibraryFunction('six-hump-camel')!;
    const box = o.box(2);
    const starts = Object.assign(await makeStartSet({ sampler: 'grid', gridCounts: [12] }, box), { describe: 'grid 12x12' });
    const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.01 }), box, sense: 'min' as const };
    // The fused CPU engine computes in float64 here (WebAssembly f64 lanes): no backend needed beyond wasm.
    const r = await runMapJob({ objective: o, d: 2, box, starts, startsSpec: {}, descent, dtype: 'float64', engine: 'fused-cpu', backend: 'wasm', control: { checkEvery: 10, chunkRows: 4096, compact: true } });
    const { results, summary } = r.map;
    expect(results.x).toBeInstanceOf(Float64Array);
    // A real float64 run: some end point is not a float32 value.
    expect(Array.from(results.x).some((v) => Math.fround(v) !== v)).toBe(true);

    const out = join(mkdtempSync(join(tmpdir(), 'basinmap-f64-')), 'run');
    const run = openRunDir(out, { command: 'test' });
    try {
      await writeMapOutputs(run, { objective: o, d: 2, box, starts, startsSpec: {}, descent, dtype: 'float64', engine: 'fused-cpu', control: { checkEvery: 10, chunkRows: 4096, compact: true } }, r, { formats: ['csv', 'parquet'] });
      run.commit({ partial: false });
    } finally {
      run.close();
    }

    const n = results.n, d = 2;
    const want: Record<string, (i: number) => number> = { fun: (i) => results.fun[i], grad_norm: (i) => results.gradNorm[i] };
    for (let j = 0; j < d; j++) {
      want[`x0_${j + 1}`] = (i) => results.x0[i * d + j];
      want[`x_${j + 1}`] = (i) => results.x[i * d + j];
    }
    const names = startColumns(d);

    const lines = readFileSync(join(out, 'starts.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(names.join(','));
    expect(lines).toHaveLength(n + 1);
    const csvBad: string[] = [];
    lines.slice(1).forEach((line, i) => {
      const cells = line.split(',');
      for (const [name, value] of Object.entries(want)) if (bitsOf(readCsvFloat(cells[names.indexOf(name)])) !== bitsOf(value(i))) csvBad.push(`row ${i} ${name}`);
    });
    expect(csvBad).toEqual([]);

    const pq = await readParquetColumns(readFileSync(join(out, 'starts.parquet')));
    expect(pq.rows).toBe(n);
    const pqBad: string[] = [];
    for (const [name, value] of Object.entries(want)) {
      const col = pq.column(name);
      expect(col, name).toBeInstanceOf(Float64Array);
      for (let i = 0; i < n; i++) if (bitsOf((col as Float64Array)[i]) !== bitsOf(value(i))) pqBad.push(`row ${i} ${name}`);
    }
    expect(pqBad).toEqual([]);

    const doc = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { dtype: string; basins: { id: number; f: number; x: number[] }[] };
    expect(doc.dtype).toBe('float64');
    expect(doc.basins.length).toBeGreaterThan(0);
    for (const b of doc.basins) {
      const s = summary.basins[b.id];
      expect(bitsOf(b.f)).toBe(bitsOf(s.f));
      expect(b.x.map(bitsOf)).toEqual(s.x.map(bitsOf));
    }
    // And the best f is a float64 value from the run itself (the case: no float32 rounding).
    const best = doc.basins[0];
    const rows = Array.from({ length: n }, (_, i) => i).filter((i) => results.fun[i] === best.f);
    expect(rows.length).toBeGreaterThan(0);
  });
});
