import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../support/cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'basinmap-param-'));

describe('basinmap map FORMULA --param', () => {
  it('sweeps the pitchfork in one run and writes continuation.json, sweep.parquet and both pictures', async () => {
    const out = join(tmp(), 'run');
    const r = await runCliAsync(['map', 'x^4 - a*x^2 + y^2', '--box', '-2,2', '--grid', '10', '--param', 'a=-1,-0.5,0.5,1', '--backend', 'wasm', '--out', out, '--quiet'], { timeoutMs: 240_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/at 4 parameter points \(400 descents\)/);
    // No --lr: lr auto takes the smallest stable step over the parameter points: f_xx = 12x² − 2a peaks at a = −1 (50 at x = ±2).
    expect(r.stdout).toMatch(/lr auto: [\d.e-]+ \(1\/L, .*the smallest over 4 parameter points, at a = -1\)/);
    expect(r.stdout).toMatch(/appears: branch \d between a=-0\.5 and 0\.5/);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(['continuation-fractions.png', 'continuation-minima.png', 'continuation.json', 'sweep.parquet']);
    const doc = JSON.parse(readFileSync(join(out, 'continuation.json'), 'utf8'));
    expect(doc.parameters).toEqual([{ name: 'a', values: [-1, -0.5, 0.5, 1] }]);
    expect(doc.points.map((p: { basins: unknown[] }) => p.basins.length)).toEqual([1, 1, 2, 2]);
    expect(doc.continuation.lines[0].tipping).toHaveLength(3);
    // sweep.parquet: a Parquet file (magic bytes at both ends) with one row group per chunk.
    const pq = readFileSync(join(out, 'sweep.parquet'));
    expect(pq.subarray(0, 4).toString()).toBe('PAR1');
    expect(pq.subarray(-4).toString()).toBe('PAR1');
  }, 300_000);

  // Bad --param input: one line naming the fix, exit 2, no output directory.
  const bad: Array<[string, string[], RegExp]> = [
    ['a malformed range', ['x^4 - a*x^2 + y^2', '--box', '-2,2', '--param', 'a=0:1'], /needs exactly START:STOP:COUNT/],
    ['a parameter the formula does not use', ['x^2 + y^2', '--box', '-2,2', '--param', 'a=1,2'], /--param a is not used in the formula/],
    ['a library function', ['himmelblau', '--param', 'a=1,2'], /--param needs a typed formula/],
    ['--shard', ['a*x^2', '--box', '-1,1', '--param', 'a=1,2', '--shard', '1/2'], /--param cannot be combined with --shard/],
  ];
  it('refuses bad --param input with one clear line and no output files', async () => {
    const runs = await Promise.all(bad.map(async ([, args]) => {
      const out = join(tmp(), 'never');
      return { out, r: await runCliAsync(['map', ...args, '--backend', 'cpu', '--out', out], { timeoutMs: 240_000 }) };
    }));
    runs.forEach(({ out, r }, i) => {
      expect(r.status, bad[i][0]).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^basinmap: error: /);
      expect(lines[0]).toMatch(bad[i][2]);
      expect(() => readdirSync(out)).toThrow();
    });
  }, 300_000);
});
