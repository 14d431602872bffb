import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SWEEP_RUNNING, runCli, startCli } from '../support/cli.ts';
import { snapshot } from './snapshot.ts';

// Removed after the tests: they hold tens of MB of CSV.
const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'basinmap-signals-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// 300,000 starts: writing them (picture, 25 MB of CSV) takes seconds, time enough for a signal
// sent the moment the CLI says it is writing to arrive while it still is.
const N = 300_000;
const sweep = (maxIter: number) => ['map', 'rastrigin', '--sampler', 'uniform', '--n', String(N), '--lr', '1e-3', '--gtol', '0', '--xtol', '0', '--max-iter', String(maxIter), '--backend', 'cpu'];
const ENDLESS = 10_000_000;

/** An earlier complete run in a new --out, and the snapshot of it. */
function earlierRun(): { out: string; before: Record<string, string> } {
  const out = join(tmp(), 'run');
  const r = runCli(['map', 'himmelblau', '--grid', '20', '--backend', 'cpu', '--out', out, '--quiet']);
  expect(r.status).toBe(0);
  return { out, before: snapshot(out) };
}

/** Asserts `out` holds one complete run of N starts, and returns its summary. */
function completeRun(out: string): { partial: boolean; counts: Record<string, number> } {
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  const marker = JSON.parse(readFileSync(join(out, '.basinmap-run.json'), 'utf8'));
  expect(readdirSync(out).sort()).toEqual(['.basinmap-run.json', ...marker.files].sort());
  expect(marker.partial).toBe(summary.partial);
  expect(summary.counts.n).toBe(N);
  expect(readFileSync(join(out, 'starts.csv'), 'utf8').trim().split('\n')).toHaveLength(N + 1);
  expect(readdirSync(join(out, '..'))).toEqual(['run']);
  return summary;
}

// Each test spawns the CLI two or three times; under a loaded 2-core machine that has taken a
// minute. This limit only catches a hang, so it is generous.
const HANG_GUARD_MS = 300_000;

describe('signals while map runs', { timeout: HANG_GUARD_MS }, () => {
  it('Ctrl-C twice, the second while writing: exit 130, and --out is the earlier complete run, untouched', async () => {
    const { out, before } = earlierRun();
    const cli = startCli([...sweep(ENDLESS), '--out', out]);
    await cli.waitForStderr(SWEEP_RUNNING);
    cli.child.kill('SIGINT');
    await cli.waitForStderr(/writing the results so far to /);
    cli.child.kill('SIGINT');
    expect((await cli.exited).status).toBe(130);
    expect(cli.stderr()).toMatch(/interrupted again: quitting now; .* is as it was before this run/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(join(out, '..'))).toEqual(['run']);
  });

  it('SIGTERM during the sweep (Slurm\'s time limit): exit 143, and --out is the complete partial run, marked partial', async () => {
    const { out } = earlierRun();
    const cli = startCli([...sweep(ENDLESS), '--out', out]);
    await cli.waitForStderr(SWEEP_RUNNING);
    cli.child.kill('SIGTERM');
    expect((await cli.exited).status).toBe(143);
    expect(cli.stderr()).toMatch(/terminated \(SIGTERM\): stopping at the next check and writing the results so far/);
    const summary = completeRun(out);
    expect(summary.partial).toBe(true);
    expect(summary.counts.interrupted).toBeGreaterThan(0);
  });

  it('SIGTERM while writing finished results: the writing completes, exit 143, not marked partial', async () => {
    const { out } = earlierRun();
    // 20 iterations: the sweep ends by itself within seconds; the signal comes once it writes.
    const cli = startCli([...sweep(20), '--out', out]);
    await cli.waitForStderr(/writing the results to /);
    cli.child.kill('SIGTERM');
    expect((await cli.exited).status).toBe(143);
    expect(cli.stderr()).toMatch(/terminated \(SIGTERM\): finishing writing /);
    const summary = completeRun(out);
    expect(summary.partial).toBe(false);
    expect(summary.counts.interrupted).toBe(0);
  });
});
