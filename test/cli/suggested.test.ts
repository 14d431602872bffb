import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withSuggestion } from '../../src/cli/options/descent.ts';
import { runCli } from '../support/cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'basinmap-suggested-'));

describe('withSuggestion: options left unset come from the function\'s suggestion, else the defaults', () => {
  const adam = { optimizer: 'adam' as const, lr: 0.1, maxIter: 15000, why: 'steep walls' };

  it('takes every unset option from the suggestion and names them', () => {
    expect(withSuggestion({}, adam)).toEqual({ optimizer: 'adam', lr: 0.1, maxIter: 15000, suggested: ['optimizer', 'lr', 'maxIter'] });
  });

  it('keeps what the user gave', () => {
    expect(withSuggestion({ lr: 0.5 }, adam)).toEqual({ optimizer: 'adam', lr: 0.5, maxIter: 15000, suggested: ['optimizer', 'maxIter'] });
  });

  it('drops the suggested lr and max-iter when the user picks another optimizer', () => {
    expect(withSuggestion({ optimizer: 'gd' }, adam)).toEqual({ optimizer: 'gd', lr: 'auto', maxIter: 1000, suggested: [] });
  });

  it('falls back to gd, lr auto, 1000 iterations without a suggestion', () => {
    expect(withSuggestion({}, undefined)).toEqual({ optimizer: 'gd', lr: 'auto', maxIter: 1000, suggested: [] });
  });
});

describe('map and trace with a library function that has suggested settings', () => {
  it('map rastrigin runs gd at lr 1e-3, says why, and records it in summary.json', () => {
    const out = join(tmp(), 'run');
    const r = runCli(['map', 'rastrigin', '--grid', '20', '--out', out, '--quiet', '--no-png']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/; gd lr=0\.001, max 1000 iterations;/);
    expect(r.stdout).toMatch(/^settings suggested for rastrigin: --lr 0\.001 \(gd oscillates for lr > 2\/396\.8/m);
    expect(r.stdout).toMatch(/converged 400, max iterations 0, diverged 0/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect([summary.config.optimizer, summary.config.lr, summary.config.maxIter]).toEqual(['gd', 0.001, 1000]);
  });

  it('a flag or a config file overrides the suggestion, and then no suggestion is mentioned', () => {
    const flag = runCli(['map', 'rastrigin', '--grid', '10', '--lr', '0.002', '--quiet']);
    expect(flag.stdout).toMatch(/; gd lr=0\.002, max 1000 iterations;/);
    expect(flag.stdout).not.toMatch(/settings suggested/);
    const config = join(tmp(), 'sweep.json');
    writeFileSync(config, JSON.stringify({ lr: 0.004 }));
    const file = runCli(['map', 'rastrigin', '--grid', '10', '--config', config, '--quiet']);
    expect(file.stdout).toMatch(/; gd lr=0\.004, max 1000 iterations;/);
  });

  it('map rosenbrock takes its suggested iteration budget with lr auto, unless the user picks another optimizer', () => {
    const suggested = runCli(['map', 'rosenbrock', '--grid', '10', '--quiet']);
    expect(suggested.stdout).toMatch(/; gd lr=[0-9.e-]+, armijo line search \(lr is the first step\), max 5000 iterations;/);
    expect(suggested.stdout).toMatch(/^settings suggested for rosenbrock: --max-iter 5000 \(/m);
    expect(suggested.stdout).toMatch(/^lr auto: [0-9.e-]+ \(1\/L, L = /m);
    const adam = runCli(['map', 'rosenbrock', '--grid', '10', '--optimizer', 'adam', '--quiet']);
    expect(adam.stdout).toMatch(/; adam lr=[0-9.e-]+, max 1000 iterations;/);
    expect(adam.stdout).not.toMatch(/settings suggested/);
  });

  it('trace takes the suggested optimizer and lr, not the iteration count', () => {
    const r = runCli(['trace', 'rastrigin', '--x0', '0.3,0.2', '--iters', '50']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Rastrigin, d=2; gd lr=0\.001, at most 50 iterations\nsettings suggested for rastrigin: --lr 0\.001 \(/);
  });
});
