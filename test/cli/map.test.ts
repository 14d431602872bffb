import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SWEEP_RUNNING, runCli, startCli } from '../support/cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'basinmap-cli-'));

describe('basinmap map on the command line', () => {
  it('maps Himmelblau and writes summary.json and starts.csv', () => {
    const out = join(tmp(), 'run');
    const r = runCli(['map', 'himmelblau', '--grid', '30', '--backend', 'wasm', '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/4 distinct end points \(4 minima/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.basins).toHaveLength(4);
    expect(summary.counts.n).toBe(900);
    const csv = readFileSync(join(out, 'starts.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('start,x0_1,x0_2,x_1,x_2,fun,grad_norm,nit,status,basin');
    expect(csv).toHaveLength(901);
    // Each basin's convergence time in summary.json is the statistics of its rows' nit in starts.csv.
    const nit = (basin: number) => csv.slice(1).map((l) => l.split(',')).filter((c) => Number(c[9]) === basin).map((c) => Number(c[7])).sort((a, b) => a - b);
    for (const b of summary.basins) {
      const v = nit(b.id);
      expect(b.nit).toEqual({ mean: v.reduce((a, c) => a + c, 0) / v.length, median: v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2, min: v[0], max: v[v.length - 1] });
    }
    expect(r.stdout).toMatch(/listed as\s+iterations\n/);
    expect(r.stdout).toContain(`median ${summary.basins[0].nit.median} (max ${summary.basins[0].nit.max})`);
    expect(readdirSync(out).sort()).toEqual(expect.arrayContaining(['starts.csv', 'summary.json']));
    expect(readdirSync(out).some((f) => f.includes('.tmp-'))).toBe(false);
  });

  it('runs a typed formula with a box', () => {
    const r = runCli(['map', 'x^4 - 4*x^2 + x', '--box', '-3,3', '--grid', '50', '--backend', 'cpu', '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.basins.filter((b: { kind: string }) => b.kind === 'minimum')).toHaveLength(2);
  });

  it('loads a user module that exports an objective built from tfjs ops', () => {
    const dir = tmp();
    const mod = join(dir, 'bowl.ts');
    const tfPath = new URL('../../core/tf.ts', import.meta.url).pathname;
    writeFileSync(mod, `import { tf } from '${tfPath}';\nexport default { name: 'bowl', dim: 2, box: [[-1, 1], [-2, 2]], f: (x: any) => tf.sum(tf.square(tf.sub(x, 0.5)), 1) };\n`);
    const r = runCli(['map', '--objective', mod, '--grid', '10', '--backend', 'cpu', '--json']);
    expect(r.stderr).toBe('');
    const summary = JSON.parse(r.stdout);
    expect(summary.basins).toHaveLength(1);
    expect(summary.basins[0].x[0]).toBeCloseTo(0.5, 4);
  });

  // Each bad input: a clear one-line error that names the problem, exit code 2, and no files.
  const bad: [string, string[], RegExp][] = [
    ['an unknown function name', ['map', 'himmelblu'], /unknown function "himmelblu": did you mean himmelblau\?/],
    ['an expression that does not parse', ['map', '(x^2+y', '--box', '-5,5'], /column/],
    ['a box with min >= max', ['map', 'himmelblau', '--box', '5,-5'], /box/i],
    ['a box with NaN', ['map', 'himmelblau', '--box', 'nan,5'], /box/i],
    ['a dimension that does not match', ['map', 'himmelblau', '--dim', '3'], /2-dimensional but --dim 3/],
    ['a learning rate <= 0', ['map', 'himmelblau', '--lr', '0'], /learning rate must be a finite number > 0/],
    ['zero starts', ['map', 'himmelblau', '--sampler', 'uniform', '--n', '0'], /start/i],
    ['a formula without a box', ['map', 'x^2+y^2'], /needs a box/],
  ];
  for (const [what, args, message] of bad) {
    it(`rejects ${what} with one clear line and no output files`, () => {
      const out = join(tmp(), 'never');
      const r = runCli([...args, '--backend', 'cpu', '--out', out]);
      expect(r.status).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^basinmap: error: /);
      expect(lines[0]).toMatch(message);
      expect(() => readdirSync(out)).toThrow();
    });
  }

  it('rejects an output directory that cannot be written before doing any work', () => {
    const dir = tmp();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    const r = runCli(['map', 'himmelblau', '--backend', 'cpu', '--out', join(file, 'sub')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`basinmap: error: part of ${join(file, 'sub')} is a file, not a directory: choose another --out\n`);
  });
});

describe('Ctrl-C during a sweep', () => {
  it('stops at the next check and writes every file, marked partial', async () => {
    const out = join(tmp(), 'partial');
    // Far more work than the test waits for: 2e5 starts, 1e7 iterations with no stopping test.
    const cli = startCli(['map', 'rastrigin', '--sampler', 'uniform', '--n', '200000', '--lr', '1e-3', '--gtol', '0', '--xtol', '0', '--max-iter', '10000000', '--backend', 'cpu', '--out', out, '--chunk', '50000']);
    // Not a fixed sleep: under load the process may still be starting, and SIGINT would kill it
    // before its handler exists. A progress line means the sweep, and its handler, are running.
    await cli.waitForStderr(SWEEP_RUNNING);
    cli.child.kill('SIGINT');
    const { status } = await cli.exited;
    expect(cli.stderr()).toMatch(/interrupted: stopping at the next check/);
    expect(status).toBe(130);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.partial).toBe(true);
    // A few starts may reach ‖g‖ = 0 exactly in float32 (at a minimum) and count as converged.
    expect(summary.counts.interrupted + summary.counts.converged).toBe(200_000);
    expect(summary.counts.interrupted).toBeGreaterThan(190_000);
    const rows = readFileSync(join(out, 'starts.csv'), 'utf8').trim().split('\n');
    expect(rows).toHaveLength(200_001);
    expect(rows.filter((r) => r.includes(',interrupted,-1')).length).toBe(summary.counts.interrupted);
  });
});
