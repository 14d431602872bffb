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
    expect(r.stdout).toContain(`; gd lr=${m![1]}, max 1000 iterations;`);
    expect(r.stdout).toMatch(/converged 400, max iterations 0, diverged 0/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.config.lr).toBe('auto');
    expect(summary.descent.optimizer.lr).toBe(Number(m![1]));
    expect(summary.stepSize).toMatchObject({ lr: Number(m![1]), rule: 'curvature', curvature: { percentile: 95, samples: 256 } });
    expect(summary.warnings).toEqual([]);
  });

  it('refuses an lr that is neither a number > 0 nor auto, in one line, before any work', () => {
    const r = runCli(['map', 'himmelblau', '--grid', '5', '--lr', 'fast']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('basinmap: error: --lr must be a number or auto, got "fast"');
  });
});
