import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'basinmap-refine-'));

describe('basinmap map --refine', () => {
  it('refines a grid map at its boundaries and records the rounds, the cost and the rows', () => {
    const out = join(tmp(), 'run');
    const r = runCli(['map', 'himmelblau', '--grid', '30', '--refine', '2', '--backend', 'wasm', '--out', out, '--quiet', '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/grid 30x30 refined twice to 120x120: [\d,]+ starts, [\d.]+% of the full grid/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const rec = summary.refine;
    expect(rec.grid).toEqual([30, 30]);
    expect(rec.finest).toEqual([120, 120]);
    expect(rec.rounds.map((x: { round: number }) => x.round)).toEqual([1, 2]);
    expect(rec.starts).toBe(900 + rec.rounds[0].starts + rec.rounds[1].starts);
    expect(rec.costFraction).toBe(rec.starts / 14_400);
    expect(rec.costFraction).toBeLessThan(1);
    expect(summary.counts.n).toBe(rec.starts);
    // Fractions by area add up to the converged area: every start converges on Himmelblau here.
    // 1e-9: the sum of four float64 quotients of whole numbers.
    expect(Math.abs(summary.basins.reduce((s: number, b: { fraction: number }) => s + b.fraction, 0) - 1)).toBeLessThan(1e-9);
    const rows = readFileSync(join(out, 'starts.csv'), 'utf8').trim().split('\n');
    expect(rows).toHaveLength(1 + rec.starts);
    expect(rows[1 + rec.rounds[1].firstStart].split(',')[0]).toBe(String(rec.rounds[1].firstStart));
    expect(existsSync(join(out, 'basin-map.png'))).toBe(true);
  });

  const bad: [string, string[], RegExp][] = [
    ['scattered starts', ['--sampler', 'sobol', '--n', '100'], /--refine needs grid starts, not --sampler sobol/],
    ['a negative count', ['--grid', '20'], /--refine must be a whole number of rounds ≥ 0, got -1/],
    ['the saddle search beside it', ['--grid', '20', '--saddles'], /--refine cannot be combined with --saddles yet/],
    ['a field too large', ['--grid', '4000'], /over 16,777,216 cells: use fewer rounds or a coarser grid/],
  ];
  for (const [what, args, message] of bad) {
    it(`rejects ${what} with one line, exit 2 and no files`, () => {
      const out = join(tmp(), 'never');
      const rounds = what === 'a negative count' ? '-1' : '2';
      const r = runCli(['map', 'himmelblau', ...args, '--refine', rounds, '--backend', 'cpu', '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('rejects a 3-D map with one line', () => {
    const r = runCli(['map', 'rastrigin', '--dim', '3', '--grid', '10', '--refine', '1', '--backend', 'cpu']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/--refine refines 2-D grid maps only, not 3-D: map a 2-D grid/);
  });
});
