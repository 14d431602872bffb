import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hideBin } from 'yargs/helpers';
import type { Argv, CommandModule } from 'yargs';
import { UserError } from '../../../core/errors.ts';
import { refuseOtherCuts } from '../../cluster/run-part.ts';
import { mapScript, mergeScript, slurmPaths, type SlurmResources } from '../../cluster/sbatch.ts';
import { submitSweep } from '../../cluster/submit.ts';
import { writeFileAtomic } from '../../io/atomic.ts';
import { makeDirs, nearestExisting } from '../../io/destination.ts';
import { fsError } from '../../io/fs-errors.ts';
import { prepareMap, type MapArgs } from '../map-setup.ts';
import { mapCommand } from './map.ts';

interface SlurmMapArgs extends MapArgs {
  shards: number;
  partition?: string;
  time?: string;
  cpusPerTask?: number;
  mem?: string;
  gpus?: string;
  maxParallel?: number;
  submit: boolean;
  dryRun: boolean;
}

// The options that are Slurm's, not map's: left out of the map command the tasks run. --out is
// put back made absolute, --shard is the script's own.
const SLURM_OPTIONS: Record<string, 'value' | 'switch'> = {
  shards: 'value', partition: 'value', time: 'value', 'cpus-per-task': 'value', mem: 'value', gpus: 'value', 'max-parallel': 'value',
  submit: 'switch', 'dry-run': 'switch', out: 'value',
};
const BIN = fileURLToPath(new URL('../../../bin/basinmap.js', import.meta.url));

const slurmMapCommand: CommandModule<object, SlurmMapArgs> = {
  command: 'map [fn]',
  describe: 'Write (and with --submit, submit) a Slurm job array running `map --shard auto/K` and a merge job after it',
  builder: (y) =>
    (mapCommand.builder as (y: Argv<object>) => Argv<object>)(y as Argv<object>)
      .option('shards', { type: 'number', demandOption: true, describe: 'cut the sweep into this many shards, one array task each', group: 'Slurm:' })
      .option('partition', { type: 'string', describe: 'sbatch --partition', group: 'Slurm:' })
      .option('time', { type: 'string', describe: 'sbatch --time per task, e.g. 2:00:00 (at the limit a shard saves what it has; its rerun resumes it)', group: 'Slurm:' })
      .option('cpus-per-task', { type: 'number', describe: 'sbatch --cpus-per-task', group: 'Slurm:' })
      .option('mem', { type: 'string', describe: 'sbatch --mem, e.g. 8G', group: 'Slurm:' })
      .option('gpus', { type: 'string', describe: 'sbatch --gpus per task (the merge job asks for none)', group: 'Slurm:' })
      .option('max-parallel', { type: 'number', describe: 'at most this many tasks at once (--array=0-(K-1)%J)', group: 'Slurm:' })
      .option('submit', { type: 'boolean', default: false, describe: 'submit the array and the merge job (afterany) with sbatch', group: 'Slurm:' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'only write the scripts (into --out/slurm)', group: 'Slurm:' })
      .example('$0 slurm map rastrigin --dim 2 --sampler sobol --n 100000000 --shards 16 --time 1:00:00 --out sweep --submit', '1e8 starts as 16 array tasks and a merge into sweep/merged') as unknown as Argv<SlurmMapArgs>,
  handler: async (a) => {
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
  },
};

export const slurmCommand: CommandModule<object, object> = {
  command: 'slurm <command>',
  describe: 'Run a sweep on a Slurm cluster as a job array of shards and a merge job',
  builder: (y) => y.command(slurmMapCommand as unknown as CommandModule<object, object>).demandCommand(1, 'name what to run: basinmap slurm map ...'),
  handler: () => {},
};

/**
 * map's arguments as the user typed them after `slurm map`, without the Slurm options and
 * --out (the script adds --shard and an absolute --out): the tasks run exactly this map.
 */
export function mapArguments(argv: string[]): string[] {
  const at = argv.indexOf('slurm');
  const tokens = argv.slice(argv.indexOf('map', at) + 1);
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '--') {
      kept.push(...tokens.slice(i));
      break;
    }
    const m = /^--(?:no-)?([^=]+)(=.*)?$/.exec(t);
    const name = m?.[1].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const kind = name === undefined ? undefined : SLURM_OPTIONS[name];
    if (kind === undefined) kept.push(t);
    else if (kind === 'value' && m![2] === undefined) i++;
  }
  return kept;
}
