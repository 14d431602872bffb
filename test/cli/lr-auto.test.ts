import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

describe('map with lr auto, the default when neither the user nor the function sets α', () => {
  it('says in the header which α it chose and why, runs with it, and records both in summary.json', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'basinmap-lr-auto-')), 'run');
    const r = runCli(['map', '(x^2+y-11)^2+(x+y^2-7)^2', '--box', '-5,5', '--grid', '20', '--out', out, '--quiet', '--no-png']);
    expect(r.status).toBe(0);
    const m = r.stdout.match(/^lr auto: ([0-9.e-]+) \(1\/L, L = [0-9.]+ = 95th percentile of the largest Hessian eigenvalue at 256 starts\)$/m);
    expect(m).not.toBeNull();
    expect(r.stdout).toContain(`; gd lr=${m![1]}, armijo line search (lr is the first step), max 1000 iterations;`);
    expect(r.stdout).toMatch(/converged 400, max iterations 0, diverged 0/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.config.lr).toBe('auto');
    expect(summary.descent.optimizer).toEqual({ name: 'gd', lr: Number(m![1]), lineSearch: 'armijo' });
    expect(summary.stepSize).toMatchObject({ lr: Number(m![1]), rule: 'curvature', curvature: { percentile: 95, samples: 256 } });
    expect(summary.warnings).toEqual([]);
  });

  it('keeps a fixed α with --line-search none, and an explicit --lr keeps its exact meaning', () => {
    const fixed = runCli(['map', 'himmelblau', '--grid', '10', '--line-search', 'none', '--quiet', '--no-png']);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toMatch(/; gd lr=[0-9.e-]+, max 1000 iterations;/);
    const given = runCli(['map', 'himmelblau', '--grid', '10', '--lr', '0.01', '--quiet', '--no-png']);
    expect(given.status).toBe(0);
    expect(given.stdout).toContain('; gd lr=0.01, max 1000 iterations;');
  });

  it('refuses the line search with an optimizer other than gd, in one line naming the fix', () => {
    const r = runCli(['map', 'himmelblau', '--grid', '5', '--optimizer', 'adam', '--line-search', 'armijo']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('basinmap: error: --line-search armijo works with --optimizer gd, not adam: drop --line-search or use --optimizer gd');
  });

  it('refuses an lr that is neither a number > 0 nor auto, in one line, before any work', () => {
    const r = runCli(['map', 'himmelblau', '--grid', '5', '--lr', 'fast']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('basinmap: error: --lr must be a number or auto, got "fast"');
  });
});
