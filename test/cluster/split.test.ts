import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeShards } from '../../src/cluster/merge.ts';
import { oneErrorLine, runCli } from '../support/cli.ts';
import { snapshot } from '../faults/snapshot.ts';
import { expectSameRun, singleRun } from './support.ts';

const root = mkdtempSync(join(tmpdir(), 'basinmap-split-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// 3,000 uniform Himmelblau starts in 3 shards of 1,000: every file format and the picture.
const SWEEP = ['himmelblau', '--sampler', 'uniform', '--n', '3000', '--seed', '7', '--format', 'csv,parquet', '--quiet'];
const K = 3;
const OUTPUTS = ['starts.csv', 'starts.parquet', 'basin-map.png'];
const shard = (k: number, run: string, extra: string[] = []) => runCli(['map', ...SWEEP, ...extra, '--shard', `${k}/${K}`, '--out', run]);

// Spawning the CLI a dozen times takes minutes on a loaded 2-core machine; this only catches a hang.
describe('a sweep cut into shards without Slurm (a loop over k)', { timeout: 900_000 }, () => {
  const run = join(root, 'sweep');
  const single = join(root, 'single');

  // The reference run on one machine, and the K shards, one after the other.
  beforeAll(() => {
    singleRun(SWEEP, run, single);
    for (let k = 0; k < K; k++) expect(shard(k, run).status).toBe(0);
  });

  it('merges into exactly what one machine writes: per-start files and picture byte for byte, summary.json but for times', () => {
    expect(readdirSync(join(run, 'shards')).filter((f) => !f.startsWith('.')).sort()).toEqual(['0-of-3', '1-of-3', '2-of-3']);
    const m = runCli(['merge', run]);
    expect(m.stderr).toBe('');
    expect(m.status).toBe(0);
    expect(m.stdout).toMatch(/^merged 3 shards, 3000 starts: .* peak memory \d+ MiB/);
    expectSameRun(join(run, 'merged'), single, OUTPUTS);
  });

  it('skips a shard that is already complete with the same options, touching nothing', () => {
    const dir = join(run, 'shards', '1-of-3');
    const before = snapshot(dir);
    const r = shard(1, run);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^shard 1\/3 \(starts 1000 to 1999\) is already complete in .* with these options: nothing to do\n$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses to overwrite a shard made with other options, naming the option', () => {
    const dir = join(run, 'shards', '1-of-3');
    const before = snapshot(dir);
    // With the line search, as the sweep's lr auto runs gd: lr is then the one option that differs.
    const r = shard(1, run, ['--lr', '0.005', '--line-search', 'armijo']);
    expect(r.status).toBe(2);
    expect(oneErrorLine(r.stderr)).toMatch(/holds shard 1\/3 \(starts 1000 to 1999\) made with other options \(descent\.optimizer\.lr\): remove it to redo it/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a shard of another cut of the same sweep', () => {
    const r = runCli(['map', ...SWEEP, '--shard', '0/4', '--out', run]);
    expect(r.status).toBe(2);
    expect(oneErrorLine(r.stderr)).toMatch(/holds shards of another cut \(0-of-3\): use --shard k\/3/);
  });

  it('fails a merge with a missing shard, writing nothing, and prints the command that reruns exactly it; that command then completes the sweep', () => {
    const other = join(root, 'missing');
    cpSync(run, other, { recursive: true });
    rmSync(join(other, 'merged'), { recursive: true, force: true });
    rmSync(join(other, 'shards', '2-of-3'), { recursive: true });
    const r = runCli(['merge', other]);
    expect(r.status).toBe(2);
    // One line, long as the command in it: the 300-character limit of oneErrorLine does not hold.
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const line = lines[0];
    expect(line.startsWith(`basinmap: error: cannot merge ${other}, 1 of 3 shards not ready: shard 2 missing. Rerun exactly those, then merge again: for k in 2; do basinmap map himmelblau `)).toBe(true);
    expect(line.endsWith(` --shard "$k/3" --out ${other}; done`)).toBe(true);
    expect(readdirSync(other).sort()).toEqual(['shards']);
    // The printed command, run as printed by bash, with basinmap on the PATH.
    const bin = join(root, 'bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(fileURLToPath(new URL('../../bin/basinmap.js', import.meta.url)), join(bin, 'basinmap'));
    const command = /then merge again: (.*)$/.exec(line)![1];
    expect(command).toMatch(/^for k in 2; do basinmap map /);
    const again = spawnSync('bash', ['-c', command], { cwd: process.cwd(), encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    expect(again.status).toBe(0);
    expect(runCli(['merge', other]).status).toBe(0);
    expectSameRun(join(other, 'merged'), single, OUTPUTS, { elsewhere: true });
  });

  it('refuses to merge a shard made with other options, or one whose rows are damaged, and names each', async () => {
    const other = join(root, 'mixed');
    cpSync(run, other, { recursive: true });
    rmSync(join(other, 'merged'), { recursive: true, force: true });
    // Shard 0 from a sweep with another learning rate, put in by hand.
    const foreign = join(root, 'foreign');
    expect(runCli(['map', ...SWEEP, '--lr', '0.005', '--line-search', 'armijo', '--shard', '0/3', '--out', foreign]).status).toBe(0);
    rmSync(join(other, 'shards', '0-of-3'), { recursive: true });
    cpSync(join(foreign, 'shards', '0-of-3'), join(other, 'shards', '0-of-3'), { recursive: true });
    await expect(mergeShards({ run: other })).rejects.toThrow(/1 of 3 shards not ready: shard 0 made with other options \(descent\.optimizer\.lr\)\. Rerun exactly those, then merge again: for k in 0; do/);
    // Shard 0 back, and one byte of shard 2's rows changed.
    rmSync(join(other, 'shards', '0-of-3'), { recursive: true });
    cpSync(join(run, 'shards', '0-of-3'), join(other, 'shards', '0-of-3'), { recursive: true });
    const rows = join(other, 'shards', '2-of-3', 'endpoints.bin');
    const bytes = readFileSync(rows);
    bytes[100] ^= 1;
    writeFileSync(rows, bytes);
    await expect(mergeShards({ run: other })).rejects.toThrow(/1 of 3 shards not ready: shard 2 damaged: endpoints\.bin does not match its checksum\. Rerun exactly those, then merge again: for k in 2; do/);
    expect(readdirSync(other).sort()).toEqual(['shards']);
  });
});
