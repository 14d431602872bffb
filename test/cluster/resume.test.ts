import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneErrorLine, runCli, startCli, type LiveCli } from '../support/cli.ts';
import { expectSameRun, singleRun, summaryWithoutTimes } from './support.ts';

const root = mkdtempSync(join(tmpdir(), 'basinmap-resume-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Long enough to be stopped mid-way, in 10 chunks so that a stop leaves some finished and some
// not: 200,000 Rastrigin starts, each run for 15,000 steps, on the fused wasm engine (3e8
// point-iterations/s on 2 quiet cores: about 1 s a chunk, 10 s a run). Named, not auto: the native
// engine (2e9 and more with AVX-512) would finish before the stop arrives.
// Not --quiet: the progress lines say when starts have finished. (And every run of the sweep must
// be given the same options, down to --quiet, for its summary.json to be comparable.)
const N = 200_000;
const SWEEP = ['rastrigin', '--sampler', 'uniform', '--n', String(N), '--lr', '1e-3', '--gtol', '0', '--xtol', '0', '--max-iter', '15000', '--chunk', '20000', '--engine', 'fused-cpu', '--no-png'];

/** Waits until the sweep reports finished starts (a progress line), so that a stop now leaves a real partial run. */
async function stopOnceSomeFinished(cli: LiveCli, signal: NodeJS.Signals): Promise<number | null> {
  await cli.waitForStderr(/\d% [1-9][\d,]*\/[\d,]+ starts/, 600_000);
  cli.child.kill(signal);
  return (await cli.exited).status;
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

// Several sweeps of tens of seconds each on a loaded machine: this only catches a hang.
describe('interrupted runs finish where they stopped', { timeout: 1_200_000 }, () => {
  const run = join(root, 'sweep');
  const single = join(root, 'single');
  beforeAll(() => singleRun(SWEEP, run, single));

  it('a shard stopped by SIGTERM (Slurm\'s time limit) is saved partial, refused by merge, and resumed by its rerun; the merge then equals one machine\'s run', async () => {
    expect(runCli(['map', ...SWEEP, '--shard', '0/2', '--out', run]).status).toBe(0);
    const cli = startCli(['map', ...SWEEP, '--shard', '1/2', '--out', run]);
    expect(await stopOnceSomeFinished(cli, 'SIGTERM')).toBe(143);
    const dir = join(run, 'shards', '1-of-2');
    const m = manifest(dir);
    expect(m.partial).toBe(true);
    expect(m.finished).toBeGreaterThan(0);
    expect(m.finished).toBeLessThan(N / 2);
    expect(existsSync(join(dir, 'endpoints.bin'))).toBe(true);

    const early = runCli(['merge', run]);
    expect(early.status).toBe(2);
    expect(early.stderr).toContain('1 of 2 shards not ready: shard 1 partial (interrupted). Rerun exactly those, then merge again: for k in 1; do basinmap map rastrigin');

    const again = runCli(['map', ...SWEEP, '--shard', '1/2', '--out', run]);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain(`note: resuming shard 1/2 (starts ${N / 2} to ${N - 1}) from ${dir}: ${m.finished} of ${N / 2} starts were finished, running the other ${N / 2 - m.finished}`);
    expect(manifest(dir).partial).toBe(false);

    expect(runCli(['merge', run]).status).toBe(0);
    expectSameRun(join(run, 'merged'), single, ['starts.csv']);
  });

  it('map --resume finishes a run stopped by Ctrl-C into the uninterrupted run\'s results, then has nothing left to do', async () => {
    const out = join(root, 'stopped');
    const cli = startCli(['map', ...SWEEP, '--out', out]);
    expect(await stopOnceSomeFinished(cli, 'SIGINT')).toBe(130);
    const m = manifest(out);
    expect(m.partial).toBe(true);

    const resumed = runCli(['map', ...SWEEP, '--resume', '--out', out]);
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toContain(`note: resuming the run from ${out}: ${m.finished} of ${N} starts were finished`);
    expect(manifest(out).partial).toBe(false);
    // The results are the uninterrupted run's; the recorded options differ in --out and --resume only.
    expect(readFileSync(join(out, 'starts.csv')).equals(readFileSync(join(single, 'starts.csv')))).toBe(true);
    const [a, b] = [summaryWithoutTimes(out), summaryWithoutTimes(single)] as { config: Record<string, unknown> }[];
    expect({ ...a, config: { ...a.config, out: null, resume: null } }).toEqual({ ...b, config: { ...b.config, out: null, resume: null } });

    const done = runCli(['map', ...SWEEP, '--resume', '--out', out]);
    expect(done.status).toBe(0);
    expect(done.stderr).toBe(`the run is already complete in ${out} with these options: nothing to do\n`);

    const other = runCli(['map', ...SWEEP, '--resume', '--seed', '1', '--out', out]);
    expect(other.status).toBe(2);
    expect(oneErrorLine(other.stderr)).toMatch(/holds the run made with other options \(starts\.spec\.seed\): remove it to redo it/);
  });
});
