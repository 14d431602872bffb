import { join } from 'node:path';

/** What the job array asks of Slurm per task (each option as sbatch takes it); unset ones are left to the cluster's defaults. */
export interface SlurmResources {
  partition?: string;
  time?: string;
  cpusPerTask?: number;
  mem?: string;
  gpus?: string;
  /** At most this many tasks at once (the array's %J). */
  maxParallel?: number;
}

export interface SweepPlan {
  /** The sweep's --out, absolute: shards go to RUN/shards, scripts and logs to RUN/slurm, the merge to RUN/merged. */
  run: string;
  /** Number of shards: one array task each. */
  K: number;
  /** The directory the command ran in: relative paths among the map options are relative to it. */
  cwd: string;
  /** How to run this basinmap: [node, .../bin/basinmap.js]. */
  basinmap: string[];
  /** map's arguments as the user typed them, without --shard and --out. */
  mapArgs: string[];
  /** One line saying what the sweep is (objective, starts). */
  describe: string;
  jobName: string;
  resources: SlurmResources;
  /** When the scripts were written (ISO), for their header. */
  writtenAt: string;
}

/** Where the scripts and logs go. */
export function slurmPaths(run: string) {
  const dir = join(run, 'slurm');
  return { dir, logs: join(dir, 'logs'), map: join(dir, 'map.sbatch'), merge: join(dir, 'merge.sbatch') };
}

/** A word for bash, quoted only when it needs to be. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const line = (words: string[]) => words.map(shellQuote).join(' ');

/** #SBATCH lines for the resources, each under a comment when it needs one. */
function resourceLines(r: SlurmResources, what: 'task' | 'merge'): string[] {
  const out: string[] = [];
  if (r.partition !== undefined) out.push(`#SBATCH --partition=${r.partition}`);
  if (r.time !== undefined) out.push(`# Wall-time limit per ${what}: at the limit Slurm sends SIGTERM, and basinmap saves what it has.`, `#SBATCH --time=${r.time}`);
  if (r.cpusPerTask !== undefined) out.push(`#SBATCH --cpus-per-task=${r.cpusPerTask}`);
  if (r.mem !== undefined) out.push(`#SBATCH --mem=${r.mem}`);
  if (r.gpus !== undefined && what === 'task') out.push(`#SBATCH --gpus=${r.gpus}`);
  return out;
}

/**
 * The job array, as a cluster user would write it by hand: one task per shard, each running
 * `basinmap map ... --shard auto/K`, requeue allowed and logs appended across attempts.
 */
export function mapScript(p: SweepPlan): string {
  const paths = slurmPaths(p.run);
  const last = p.K - 1;
  const array = `0-${last}${p.resources.maxParallel !== undefined ? `%${p.resources.maxParallel}` : ''}`;
  return [
    '#!/bin/bash',
    `# basinmap sweep as a Slurm job array: ${p.describe}, cut into ${p.K} shards.`,
    `# Written by \`basinmap slurm map\` on ${p.writtenAt}. It is a plain sbatch script: edit it freely.`,
    '#',
    `# Task k runs shard k of ${p.K} (--shard auto/${p.K} reads k from $SLURM_ARRAY_TASK_ID) and writes`,
    `# ${join(p.run, 'shards', `<k>-of-${p.K}`)}. A shard that is already complete is skipped; one cut`,
    '# short (time limit, preemption: Slurm sends SIGTERM and basinmap saves what it has, marked',
    '# partial) is resumed where it stopped when its task runs again.',
    '#',
    `# Submit:            sbatch ${paths.map}`,
    `# then the merge:    sbatch --dependency=afterany:<job id of the array> ${paths.merge}`,
    `# Rerun some shards: sbatch --array=3,17 ${paths.map}`,
    '',
    `#SBATCH --job-name=${p.jobName}`,
    `# One task per shard${p.resources.maxParallel !== undefined ? `; at most ${p.resources.maxParallel} run at once` : ''}.`,
    `#SBATCH --array=${array}`,
    '# A task may go back to the queue and run again (preemption, node failure, scontrol requeue).',
    '#SBATCH --requeue',
    '# Every attempt of a task appends to its log instead of overwriting it (%A: array job, %a: task).',
    '#SBATCH --open-mode=append',
    `#SBATCH --output=${join(paths.logs, 'map-%A_%a.log')}`,
    ...resourceLines(p.resources, 'task'),
    '',
    'set -euo pipefail',
    `cd ${shellQuote(p.cwd)}`,
    `echo "basinmap shard \${SLURM_ARRAY_TASK_ID} of ${p.K}, attempt $((\${SLURM_RESTART_COUNT:-0} + 1)), job \${SLURM_JOB_ID} on $(hostname), $(date -Is)"`,
    '# exec: Slurm\'s SIGTERM (time limit, preemption) goes straight to basinmap, which saves what it has.',
    `exec ${line(p.basinmap)} map ${line(p.mapArgs)} --shard auto/${p.K} --out ${shellQuote(p.run)}`,
    '',
  ].join('\n');
}

/** The merge job: runs after the whole array whatever its tasks' fate, and checks the shards itself. */
export function mergeScript(p: SweepPlan): string {
  const paths = slurmPaths(p.run);
  return [
    '#!/bin/bash',
    `# Merge of the basinmap sweep in ${p.run}: ${p.describe}, ${p.K} shards.`,
    `# Written by \`basinmap slurm map\` on ${p.writtenAt}. It is a plain sbatch script: edit it freely.`,
    '#',
    '# Submit it after the job array with --dependency=afterany:<job id of the array>: afterany',
    '# fires once every task has ended, whatever its fate. (afterok would never fire once a task had',
    '# failed, even if it then succeeded after a requeue.) So this job checks the shards itself: if',
    '# any is missing or incomplete it fails, and its log names them and the sbatch --array=...',
    '# command that reruns exactly those; once they are done, submit this script again.',
    `# The merged run goes to ${join(p.run, 'merged')}.`,
    '',
    `#SBATCH --job-name=${p.jobName}-merge`,
    '#SBATCH --open-mode=append',
    `#SBATCH --output=${join(paths.logs, 'merge-%j.log')}`,
    ...resourceLines(p.resources, 'merge'),
    '',
    'set -euo pipefail',
    `cd ${shellQuote(p.cwd)}`,
    'echo "basinmap merge, job ${SLURM_JOB_ID} on $(hostname), $(date -Is)"',
    `exec ${line(p.basinmap)} merge ${shellQuote(p.run)}`,
    '',
  ].join('\n');
}
