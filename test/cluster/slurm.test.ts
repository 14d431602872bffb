import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { expectSameRun, singleRun } from './support.ts';

/**
 * basinmap on a real Slurm: this test starts a one-node cluster with .ci/slurm.sh (which installs
 * slurm-wlm and munge when they are missing) and stops it at the end, also when a test fails.
 * It needs root; where it cannot start Slurm it says why and skips, except in CI (CI set), where
 * it must run and fails instead.
 */
const SCRIPT = fileURLToPath(new URL('../../.ci/slurm.sh', import.meta.url));
const CLUSTER = join(tmpdir(), 'basinmap-slurm-test');
const root = mkdtempSync(join(tmpdir(), 'basinmap-slurm-'));

let env: Record<string, string> | undefined;
let reason = '';

beforeAll(() => {
  if (process.getuid?.() !== 0) reason = 'not root: .ci/slurm.sh starts munged, slurmctld and slurmd as root';
  else {
    const r = spawnSync('bash', [SCRIPT, 'start', CLUSTER], { encoding: 'utf8', timeout: 600_000 });
    const conf = /^export SLURM_CONF=(.+)$/m.exec(r.stdout ?? '')?.[1];
    if (r.status === 0 && conf) env = { SLURM_CONF: conf };
    else reason = `.ci/slurm.sh start failed (exit ${r.status}): ${(r.stderr || r.error?.message || '').trim().split('\n').slice(-3).join(' | ')}`;
  }
  if (!env && process.env.CI) throw new Error(`CI must run the Slurm test, but ${reason}`);
}, 660_000);

afterAll(() => {
  if (env) spawnSync('bash', [SCRIPT, 'stop', CLUSTER], { stdio: 'inherit', timeout: 120_000 });
  rmSync(root, { recursive: true, force: true });
});

/** `scontrol show job ID` as key=value pairs (the first record: one task, or the merge job). */
function job(id: string): Record<string, string> {
  const r = spawnSync('scontrol', ['show', 'job', '--oneliner', id], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`scontrol show job ${id}: ${r.stderr}`);
  const first = r.stdout.trim().split('\n')[0];
  return Object.fromEntries(first.split(/\s+/).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

/** Polls until job `id` is in one of `states`; returns its record. */
async function waitFor(id: string, states: RegExp, timeoutMs: number): Promise<Record<string, string>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const j = job(id);
    if (states.test(j.JobState)) return j;
    if (Date.now() > until) throw new Error(`job ${id} is ${j.JobState} (${j.Reason}) after ${timeoutMs / 1000} s, not ${states}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const FINISHED = /^(COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|PREEMPTED|BOOT_FAIL|DEADLINE)$/;
const SWEEP = ['himmelblau', '--sampler', 'uniform', '--n', '40000', '--quiet'];

// Five basinmap processes one after another, a requeue delay, and a merge: minutes under load.
describe('a sweep on a real Slurm cluster', { timeout: 1_200_000 }, () => {
  it('runs 40,000 Himmelblau starts as a 4-task job array with one task failing once and requeued, and merges once into exactly the single-machine run', async (ctx) => {
    if (!env) {
      console.warn(`skipped: ${reason}`);
      ctx.skip();
    }
    const run = join(root, 'sweep');
    const single = join(root, 'single');
    singleRun(SWEEP, run, single);

    // The fault: a file where task 1's shard directory goes, so that its first attempt fails.
    mkdirSync(join(run, 'shards'), { recursive: true });
    const blocker = join(run, 'shards', '1-of-4');
    writeFileSync(blocker, 'a file in the way: task 1 fails on it once\n');

    // One task at a time (2 CPUs each, on a 2-CPU node), so that task 1 fails while tasks 2 and 3
    // still wait: it is requeued before the array can end, as a preempted task would be.
    const submitted = runCli(['slurm', 'map', ...SWEEP, '--shards', '4', '--cpus-per-task', '2', '--max-parallel', '1', '--out', run, '--submit'], { env });
    expect(submitted.status, submitted.stderr).toBe(0);
    const [, array, merge] = /submitted job array (\d+) \(4 tasks, shards 0 to 3\) and merge job (\d+) \(after the array: afterany\)/.exec(submitted.stdout) ?? [];
    expect(array).toBeDefined();

    const failed = await waitFor(`${array}_1`, FINISHED, 600_000);
    expect(failed.JobState).toBe('FAILED');
    rmSync(blocker);
    const requeue = spawnSync('scontrol', ['requeue', `${array}_1`], { encoding: 'utf8', env: { ...process.env, ...env } });
    expect(requeue.status, requeue.stderr).toBe(0);

    const merged = await waitFor(merge, FINISHED, 900_000);
    expect(merged.JobState).toBe('COMPLETED');
    for (let k = 0; k < 4; k++) {
      const task = job(`${array}_${k}`);
      expect(task.JobState, `task ${k}`).toBe('COMPLETED');
      expect(task.Restarts, `task ${k}`).toBe(k === 1 ? '1' : '0');
    }

    // Task 1's log holds both attempts (--open-mode=append): the failure, then the shard.
    const logs = join(run, 'slurm', 'logs');
    const log1 = readFileSync(join(logs, `map-${array}_1.log`), 'utf8');
    expect(log1).toMatch(/attempt 1,[^\n]*\nbasinmap: error: --out \S+1-of-4 is a file[^\n]*\n[^]*attempt 2,[^]*wrote \S+1-of-4\/starts.csv/);

    // The merge job ran once: one record in the job completion log, one start in its log.
    const records = readFileSync(join(CLUSTER, 'jobcomp.txt'), 'utf8').split('\n').filter((l) => l.startsWith(`JobId=${merge} `));
    expect(records).toHaveLength(1);
    expect(records[0]).toContain('JobState=COMPLETED');
    const mergeLog = readFileSync(join(logs, `merge-${merge}.log`), 'utf8');
    expect(mergeLog.match(/^basinmap merge, job /gm)).toHaveLength(1);
    expect(readdirSync(logs).filter((f) => f.startsWith('merge-'))).toEqual([`merge-${merge}.log`]);

    // The merge equals the single-machine run: per-start file and picture byte for byte,
    // summary.json but for its run times (it holds no host names: the manifest does).
    expectSameRun(join(run, 'merged'), single, ['starts.csv', 'basin-map.png']);
    const manifest = JSON.parse(readFileSync(join(run, 'merged', 'manifest.json'), 'utf8'));
    expect(manifest.sources.map((s: { slurm: Record<string, string> }) => [s.slurm.SLURM_ARRAY_JOB_ID, s.slurm.SLURM_ARRAY_TASK_ID, s.slurm.SLURM_RESTART_COUNT ?? '0'])).toEqual([
      [array, '0', '0'], [array, '1', '1'], [array, '2', '0'], [array, '3', '0'],
    ]);
  });
});
