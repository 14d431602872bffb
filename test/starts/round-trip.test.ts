import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocateResults } from '../../core/results.ts';
import { STATUS } from '../../core/status.ts';
import { UserError } from '../../core/errors.ts';
import { startsCsv } from '../../src/io/starts-csv.ts';
import { startsParquet } from '../../src/io/starts-parquet.ts';
import { fileStartSet } from '../../src/starts/file.ts';
import { parseWhere } from '../../src/starts/where.ts';
import { runCli } from '../support/cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'basinmap-roundtrip-'));
const box: [number, number][] = [[-5, 5], [-5, 5]];

// Six starts with every kind of outcome: two converged (gtol, xtol), one at the iteration
// limit, one non-finite, one escaped, one interrupted; basins 0, 1, then none (−1).
const n = 6, d = 2;
const r = allocateResults(n, d);
const codes = [STATUS.gtol.code, STATUS.xtol.code, STATUS.maxiter.code, STATUS.nonfinite.code, STATUS.escaped.code, STATUS.interrupted.code];
for (let i = 0; i < n; i++) {
  // Coordinates that need all 9 significant digits of a float32 (π/7 multiples).
  r.x0[i * d] = Math.fround((Math.PI / 7) * (i + 1));
  r.x0[i * d + 1] = Math.fround(-Math.E / (i + 3));
  r.x[i * d] = r.x[i * d + 1] = 0;
  r.status[i] = codes[i];
}
const outcome = Int32Array.from([0, 1, -2, -1, -1, -3]);

async function files(): Promise<{ csv: string; parquet: string }> {
  const dir = tmp();
  const csv = join(dir, 'starts.csv');
  const parquet = join(dir, 'starts.parquet');
  writeFileSync(csv, [...startsCsv(r, outcome)].join(''));
  writeFileSync(parquet, Buffer.concat(await startsParquet(r, outcome)));
  return { csv, parquet };
}

const rowsOf = (s: { n: number; rows(f: number, c: number): Float32Array }) => Array.from(s.rows(0, s.n));
const x0Of = (keep: number[]) => keep.flatMap((i) => [r.x0[i * d], r.x0[i * d + 1]]);

describe("a run's own starts file as --starts-file", () => {
  it('gives back exactly the x0 it started from, from starts.csv and from starts.parquet', async () => {
    const { csv, parquet } = await files();
    for (const file of [csv, parquet]) {
      const s = await fileStartSet(file, undefined, box);
      expect(s.n).toBe(n);
      expect(rowsOf(s)).toEqual(Array.from(r.x0));
    }
  });

  it('with --where keeps only the rows that match, in their order', async () => {
    const { csv, parquet } = await files();
    for (const file of [csv, parquet]) {
      expect(rowsOf(await fileStartSet(file, undefined, box, 'status!=converged'))).toEqual(x0Of([2, 3, 4, 5]));
      expect(rowsOf(await fileStartSet(file, undefined, box, 'status=maxiter|diverged'))).toEqual(x0Of([2, 3, 4]));
      expect(rowsOf(await fileStartSet(file, undefined, box, 'basin=1'))).toEqual(x0Of([1]));
      expect(rowsOf(await fileStartSet(file, undefined, box, 'basin!=-1,status=gtol'))).toEqual(x0Of([0]));
      expect((await fileStartSet(file, undefined, box, 'status!=converged')).describe).toMatch(/where status!=converged: 4 of 6\): 4 starts$/);
    }
  });

  it('says in one line when no row matches, or when the file is not a run\'s table', async () => {
    const { csv } = await files();
    await expect(fileStartSet(csv, undefined, box, 'basin=7')).rejects.toThrow(new UserError(`no start of ${csv} matches --where basin=7 (it holds 6); change the filter or drop --where`));
    const plain = join(tmp(), 'plain.csv');
    writeFileSync(plain, '1,2\n3,4\n');
    await expect(fileStartSet(plain, undefined, box, 'status=gtol')).rejects.toThrow(/^--where needs a run's own starts.csv or starts.parquet/);
  });
});

describe('the --where grammar', () => {
  it('reads status names, the converged and diverged groups, basins, alternatives and conjunctions', () => {
    const row = (status: string, basin: number) => ({ status, basin });
    expect(parseWhere('status=converged').test(row('xtol', 0))).toBe(true);
    expect(parseWhere('status = diverged').test(row('escaped', -1))).toBe(true);
    expect(parseWhere('status!=diverged').test(row('escaped', -1))).toBe(false);
    expect(parseWhere('basin=2|3').test(row('gtol', 3))).toBe(true);
    expect(parseWhere('basin=2, status=gtol').test(row('xtol', 2))).toBe(false);
    expect(parseWhere(' status=maxiter , basin=-1 ').text).toBe('status=maxiter,basin=-1');
  });

  it.each([
    ['status', /cannot read "status": write conditions like/],
    ['status=', /cannot read "status="/],
    ['colour=red', /cannot filter on "colour"; filter on status or basin/],
    ['status=conv', /"conv" is not a status; use one of gtol, xtol, maxiter, nonfinite, escaped, interrupted, converged, diverged/],
    ['basin=-2', /basin "-2" is not a basin number/],
    ['status=gtol,', /has an empty condition/],
  ])('refuses %j with one line naming the fix', (text, message) => {
    let err: unknown;
    try {
      parseWhere(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toMatch(/\n/);
    expect((err as Error).message.length).toBeLessThan(300);
  });
});

describe('the round trip on the command line', () => {
  it('reruns only the failures of a map, from the points they started at, with other settings', async () => {
    const dir = tmp();
    const first = join(dir, 'first');
    // 10 iterations leave about 70 % of a 20 × 20 Himmelblau grid still descending (measured: 118 of
    // 400 converged with lr auto's line search).
    expect(runCli(['map', 'himmelblau', '--grid', '20', '--max-iter', '10', '--out', first, '--format', 'csv,parquet', '--no-png']).status).toBe(0);
    const firstDoc = JSON.parse(readFileSync(join(first, 'summary.json'), 'utf8')) as { counts: { n: number; converged: number } };
    for (const ext of ['csv', 'parquet']) {
      const again = join(dir, `again-${ext}`);
      const rerun = runCli(['map', 'himmelblau', '--starts-file', join(first, `starts.${ext}`), '--where', 'status!=converged', '--max-iter', '2000', '--out', again, '--no-png', '--json']);
      expect(rerun.status, rerun.stderr).toBe(0);
      const doc = JSON.parse(rerun.stdout) as { counts: { n: number; converged: number } };
      expect(doc.counts.n).toBe(firstDoc.counts.n - firstDoc.counts.converged);
      expect(doc.counts.n).toBeGreaterThan(0);
      expect(doc.counts.converged).toBe(doc.counts.n);
    }
  });

  it('refuses a bad filter with one stderr line and exit 2, writing nothing', () => {
    const out = join(tmp(), 'never');
    const r = runCli(['map', 'himmelblau', '--grid', '5', '--where', 'status=gtol', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--where "status=gtol" filters a run's starts file: add --starts-file/);
  });
});
