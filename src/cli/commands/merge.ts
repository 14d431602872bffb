import type { Argv, CommandModule } from 'yargs';

export interface MergeArgs {
  run: string;
  out?: string;
  json: boolean;
  quiet: boolean;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <run>',
  describe: 'Join the shards of a sweep (map --shard k/K --out RUN) into the run one machine would have written',
  builder: (y) =>
    (y as Argv<object>)
      .positional('run', { type: 'string', demandOption: true, describe: 'the --out of the shards: RUN holds RUN/shards/<k>-of-<K>' })
      .option('out', { type: 'string', describe: 'directory for the merged run (default RUN/merged)' })
      .option('json', { type: 'boolean', default: false, describe: 'print summary.json to stdout instead of the table' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no notes on stderr' })
      .example('$0 merge out/sweep', 'check that every shard of out/sweep is complete and alike, and write out/sweep/merged')
      .epilogue('A missing, partial, damaged or different shard stops the merge before it writes anything; the error names those shards and the command that reruns exactly them.') as unknown as Argv<MergeArgs>,
  handler: async (a) => (await import('./merge-run.ts')).runMerge(a),
};
