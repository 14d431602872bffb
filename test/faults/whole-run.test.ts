import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SWEEP_RUNNING, oneErrorLine, runCli, startCli } from '../support/cli.ts';

// Removed after the tests: they hold tens of MB of CSV.
const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'basinmap-whole-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A sweep that never ends by itself (no stopping test, 1e7 iterations): it runs until a signal. */
const endless = (n: number) => ['map', 'rastrigin', '--sampler', 'uniform', '--n', String(n), '--lr', '1e-3', '--gtol', '0', '--xtol', '0', '--max-iter', '10000000', '--backend', 'cpu'];

// Each test spawns the CLI two or three times; under a loaded 2-core machine that has taken a
// minute. This limit only catches a hang, so it is generous.
const HANG_GUARD_MS = 300_000;

describe('--out holds one run, whole', { timeout: HANG_GUARD_MS }, () => {
  it('keeps no file of an earlier run beside a new one (a 2-D map with Parquet, then a 3-D map with CSV only)', () => {
    const out = join(tmp(), 'run');
    const first = runCli(['map', 'himmelblau', '--grid', '10', '--format', 'csv,parquet', '--backend', 'cpu', '--out', out, '--quiet']);
    expect(first.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.basinmap-run.json', 'basin-map.png', 'manifest.json', 'starts.csv', 'starts.parquet', 'summary.json']);
    const second = runCli(['map', 'sphere', '--dim', '3', '--grid', '5', '--backend', 'cpu', '--out', out, '--quiet']);
    expect(second.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.basinmap-run.json', 'manifest.json', 'starts.csv', 'summary.json']);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).objective.d).toBe(3);
    expect(readdirSync(join(out, '..'))).toEqual(['run']);
  });

  it('refuses a second run into the same --out, naming the first, which completes undisturbed', async () => {
    const parent = tmp();
    const out = join(parent, 'run');
    const first = startCli([...endless(20_000), '--out', out]);
    await first.waitForStderr(SWEEP_RUNNING);
    const second = runCli(['map', 'himmelblau', '--grid', '5', '--backend', 'cpu', '--out', out]);
    expect(second.status).toBe(75);
    expect(oneErrorLine(second.stderr)).toMatch(
      new RegExp(`^basinmap: error: ${out} is being written by another run \\(pid ${first.child.pid} on .*: basinmap map rastrigin .*\\): wait for it, or remove ${parent}/\\.run\\.lock if it is gone$`),
    );
    first.child.kill('SIGINT');
    expect((await first.exited).status).toBe(130);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).counts.n).toBe(20_000);
    expect(readFileSync(join(out, 'starts.csv'), 'utf8').trim().split('\n')).toHaveLength(20_001);
    expect(readdirSync(parent)).toEqual(['run']);
  });
});
