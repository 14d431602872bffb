import type { Argv, CommandModule } from 'yargs';
import type { MapArgs } from '../map-setup.ts';
import { checkStartsEarly } from '../options/starts.ts';
import { mapCommand } from './map.ts';

export interface SlurmMapArgs extends MapArgs {
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
    checkStartsEarly(a);
    return (await import('./slurm-run.ts')).runSlurmMap(a);
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
