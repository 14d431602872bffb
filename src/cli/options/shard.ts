import type { Argv } from 'yargs';
import { UserError } from '../../../core/errors.ts';

export interface ShardArgs {
  shard?: string;
  resume?: boolean;
}

/** map's options for sweeps cut into shards (Slurm job arrays) and for finishing interrupted runs. */
export function shardOptions<T>(y: Argv<T>): Argv<T & ShardArgs> {
  return y
    .option('shard', { type: 'string', describe: 'run only shard k of K (k from 0; auto/K: k from $SLURM_ARRAY_TASK_ID) into --out/shards/<k>-of-<K>; `basinmap merge` joins them', group: 'Cluster:' })
    .option('resume', { type: 'boolean', default: false, describe: 'finish the interrupted run in --out: rerun only its unfinished starts (same options required)', group: 'Cluster:' }) as unknown as Argv<T & ShardArgs>;
}

/** --shard and --resume work on a run directory: without --out there is none. */
export function requireOutForShards(a: ShardArgs & { out?: string }): void {
  if (a.out !== undefined) return;
  if (a.shard !== undefined) throw new UserError(`--shard ${a.shard} needs --out RUN: the shard is written to RUN/shards/<k>-of-<K>, where \`basinmap merge RUN\` finds it`);
  if (a.resume) throw new UserError('--resume needs --out: the directory holding the interrupted run to finish');
}
