import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hideBin } from 'yargs/helpers';
import { UserError } from '../../../core/errors.ts';
import { refuseOtherCuts } from '../../cluster/run-part.ts';
import { mapScript, mergeScript, slurmPaths, type SlurmResources } from '../../cluster/sbatch.ts';
import { submitSweep } from '../../cluster/submit.ts';
import { writeFileAtomic } from '../../io/atomic.ts';
import { makeDirs, nearestExisting } from '../../io/destination.ts';
import { fsError } from '../../io/fs-errors.ts';
import { prepareMap } from '../map-setup.ts';
import { mapArguments, type SlurmMapArgs } from './slurm.ts';

const BIN = fileURLToPath(new URL('../../../bin/basinmap.js', import.meta.url));

/** `basinmap slurm map`, once its arguments are parsed and checked (loaded only when it runs: see slurm.ts). */
export async function runSlurmMap(a: SlurmMapArgs): Promise<void> {
  if (a.submit && a.dryRun) throw new UserError('--submit and --dry-run contradict each other: give one');
  if (a.shard !== undefined) throw new UserError('slurm map gives every task its own --shard (auto/K): drop --shard');
  if (a.out === undefined) throw new UserError('slurm map needs --out RUN on a file system every node sees: shards go to RUN/shards, scripts and logs to RUN/slurm, the merge to RUN/merged');
  const K = a.shards;
  if (!(Number.isInteger(K) && K >= 1)) throw new UserError(`--shards must be a whole number ≥ 1, got ${K}`);
  for (const [name, v] of [['cpus-per-task', a.cpusPerTask], ['max-parallel', a.maxParallel]] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v >= 1)) throw new UserError(`--${name} must be a whole number ≥ 1, got ${v}`);
  }
  // Every option is checked here, on the login node, rather than in K tasks after a wait in the queue.
  const setup = await prepareMap(a);
  if (K > setup.starts.n) throw new UserError(`--shards ${K} is more than the ${setup.starts.n} starts: use at most ${setup.starts.n}`);
  const run = resolve(a.out);
  refuseOtherCuts(run, K);
  const resources: SlurmResources = { partition: a.partition, time: a.time, cpusPerTask: a.cpusPerTask, mem: a.mem, gpus: a.gpus, maxParallel: a.maxParallel };
  const plan = {
    run, K, cwd: process.cwd(), basinmap: [process.execPath, BIN], mapArgs: mapArguments(hideBin(process.argv)),
    describe: `${setup.objective.title}, d=${setup.d}, ${setup.starts.describe}`,
    jobName: `basinmap-${setup.objective.name}`.replace(/[^\w.-]+/g, '-').slice(0, 60),
    resources, writtenAt: new Date().toISOString(),
  };
  const paths = slurmPaths(run);
  const scripts = { map: mapScript(plan), merge: mergeScript(plan) };
  try {
    const { existing, missing } = nearestExisting(paths.logs);
    makeDirs(existing, missing);
  } catch (e) {
    throw fsError(e, { path: paths.logs, option: '--out' });
  }
  writeFileAtomic(paths.map, scripts.map, { option: '--out' });
  writeFileAtomic(paths.merge, scripts.merge, { option: '--out' });
  if (a.dryRun) {
    process.stdout.write(`wrote ${paths.map} and ${paths.merge}\nsubmit with: sbatch ${paths.map}, then sbatch --dependency=afterany:<its job id> ${paths.merge}\n`);
    return;
  }
  process.stdout.write(`# ${paths.map}\n${scripts.map}\n# ${paths.merge}\n${scripts.merge}\n`);
  if (!a.submit) {
    process.stdout.write(`wrote both; submit with --submit, or: sbatch ${paths.map}, then sbatch --dependency=afterany:<its job id> ${paths.merge}\n`);
    return;
  }
  const ids = submitSweep(paths.map, paths.merge);
  process.stdout.write(
    `submitted job array ${ids.array} (${K} tasks, shards 0 to ${K - 1}) and merge job ${ids.merge} (after the array: afterany)\n` +
      `watch: squeue -j ${ids.array},${ids.merge}; logs in ${paths.logs}; the merged run will be in ${resolve(run, 'merged')}\n`,
  );
}
