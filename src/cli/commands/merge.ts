import type { Argv, CommandModule } from 'yargs';
import { mergeShards } from '../../cluster/merge.ts';
import { basinTable } from '../basin-table.ts';
import { commandLine } from '../format.ts';

interface MergeArgs {
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
  handler: async (a) => {
    const say = (line: string) => process.stderr.write(`${line}\n`);
    const r = await mergeShards({ run: a.run, out: a.out, command: commandLine(), onNote: (line) => say(`note: ${line}`) });
    if (a.json) {
      process.stdout.write(JSON.stringify(r.document, null, 2) + '\n');
      return;
    }
    // Peak memory of this process: what a merge of this size needs (the figure the README quotes).
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    const s = r.seconds;
    process.stdout.write(
      `merged ${r.K} shards, ${r.n} starts: clustered in ${s.cluster.toFixed(2)} s, classified in ${s.classify.toFixed(2)} s, written in ${s.write.toFixed(2)} s; peak memory ${peakMiB.toFixed(0)} MiB\n` +
        `engine ${r.engine.name}, backend ${r.backend}\n\n` +
        basinTable(r.summary, r.known, r.document.warnings as string[]) + '\n' +
        `wrote ${r.written.join(', ')}\n`,
    );
  },
};
