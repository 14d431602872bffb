import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mapScript, mergeScript, shellQuote, type SweepPlan } from '../../src/cluster/sbatch.ts';
import { mapArguments } from '../../src/cli/commands/slurm.ts';

const plan: SweepPlan = {
  run: '/scratch/me/sweep',
  K: 16,
  cwd: '/home/me/project dir',
  basinmap: ['/usr/bin/node', '/opt/basinmap/bin/basinmap.js'],
  mapArgs: ['(x^2+y-11)^2 + (x+y^2-7)^2', '--box', '-5,5', '--n', '1000000', "--objective-note=it's"],
  describe: 'Himmelblau, d=2, uniform 1000000 starts, seed 0',
  jobName: 'basinmap-himmelblau',
  resources: { partition: 'short', time: '1:00:00', cpusPerTask: 4, mem: '8G', gpus: '1', maxParallel: 8 },
  writtenAt: '2026-01-01T00:00:00.000Z',
};

/** The #SBATCH options of a script, as sbatch reads them (from the top, up to the first command). */
function sbatchOptions(script: string): string[] {
  const lines = script.split('\n');
  const head = lines.slice(0, lines.findIndex((l) => l !== '' && !l.startsWith('#')));
  return head.filter((l) => l.startsWith('#SBATCH ')).map((l) => l.slice('#SBATCH '.length));
}

/** What bash would run: the script's words after `exec`, as bash splits them. */
function execWords(script: string): string[] {
  const exec = script.split('\n').find((l) => l.startsWith('exec '))!;
  const r = spawnSync('bash', ['-c', `printf '%s\\n' ${exec.slice('exec '.length)}`], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout.trimEnd().split('\n');
}

describe('the sbatch scripts of a sweep', () => {
  it('runs one array task per shard, requeueable, logs appended, with the resources asked for', () => {
    expect(sbatchOptions(mapScript(plan))).toEqual([
      '--job-name=basinmap-himmelblau', '--array=0-15%8', '--requeue', '--open-mode=append', '--output=/scratch/me/sweep/slurm/logs/map-%A_%a.log',
      '--partition=short', '--time=1:00:00', '--cpus-per-task=4', '--mem=8G', '--gpus=1',
    ]);
  });

  it('has each task run map with the options as typed, --shard auto/K and the absolute --out, quoted for bash', () => {
    expect(execWords(mapScript(plan))).toEqual(['/usr/bin/node', '/opt/basinmap/bin/basinmap.js', 'map', ...plan.mapArgs, '--shard', 'auto/16', '--out', '/scratch/me/sweep']);
    expect(mapScript(plan)).toContain("cd '/home/me/project dir'\n");
  });

  it('gives the merge job the same place and limits, no GPU, and no dependency of its own (sbatch --dependency=afterany adds it)', () => {
    const merge = mergeScript(plan);
    expect(sbatchOptions(merge)).toEqual(['--job-name=basinmap-himmelblau-merge', '--open-mode=append', '--output=/scratch/me/sweep/slurm/logs/merge-%j.log', '--partition=short', '--time=1:00:00', '--cpus-per-task=4', '--mem=8G']);
    expect(execWords(merge)).toEqual(['/usr/bin/node', '/opt/basinmap/bin/basinmap.js', 'merge', '/scratch/me/sweep']);
  });

  it('are valid bash', () => {
    for (const script of [mapScript(plan), mergeScript(plan)]) {
      const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('quote only the words that need it', () => {
    expect(shellQuote('--n')).toBe('--n');
    expect(shellQuote('/a/b-c.d')).toBe('/a/b-c.d');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
  });
});

describe('the map arguments a job array runs', () => {
  it('are the ones typed after `slurm map`, without the Slurm options and --out, in any spelling', () => {
    const argv = ['--debug', 'slurm', 'map', 'himmelblau', '--shards', '16', '--n', '1000', '--time=1:00:00', '--out', 'sweep', '--cpusPerTask', '2', '--submit', '--no-dry-run', '--lr', '0.01', '--max-parallel=4'];
    expect(mapArguments(argv)).toEqual(['himmelblau', '--n', '1000', '--lr', '0.01']);
  });
});
