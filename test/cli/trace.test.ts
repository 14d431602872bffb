import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../plot/csv.ts';
import { runCli } from '../support/cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'basinmap-trace-'));

describe('basinmap trace on the command line', () => {
  it('prints the paths as tables and writes trace.csv and trace.png with --out', () => {
    const out = join(tmp(), 'run');
    const r = runCli(['trace', 'poly1d', '--x0', '2', '--x0', '-2', '--lr', '0.01', '--iters', '100', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^path 1: from 2 to 1\.347\d* in \d+ steps \(converged/m);
    expect(r.stdout).toMatch(/^path 2: from -2 to -1\.473\d* in \d+ steps/m);
    expect(r.stdout).toMatch(/^step +x +f +\|grad\|$/m);
    expect(r.stdout).toContain('...'); // long paths show only their first and last rows
    // .basinmap-run.json: the marker of a complete run directory (see src/io/run-contents.ts).
    expect(readdirSync(out).sort()).toEqual(['.basinmap-run.json', 'trace.csv', 'trace.png']);

    const { header, rows } = parseCsv(readFileSync(join(out, 'trace.csv'), 'utf8'));
    expect(header).toEqual(['path', 'step', 'x', 'f', 'grad_norm']);
    expect(rows[0]).toEqual([1, 0, 2, 2, 17]);
    const path2 = rows.filter((row) => row[0] === 2);
    expect(path2.map((row) => row[1])).toEqual(path2.map((_, t) => t));
    expect(path2[path2.length - 1][2]).toBeCloseTo(-1.4729976, 4);
    expect(Array.from(readFileSync(join(out, 'trace.png')).subarray(1, 4))).toEqual([80, 78, 71]); // "PNG"
  });

  it('refuses an --x0 with the wrong number of coordinates in one line, without a stack trace', () => {
    // "-3,0" must reach the check as a value, not as short flags (which yargs would reject first).
    const r = runCli(['trace', 'himmelblau', '--x0', '-3,0', '--x0', '1']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('basinmap: error: --x0 "1" has 1 coordinate but Himmelblau is 2-dimensional: give 2 numbers, like --x0 1,2\n');
  });
});
