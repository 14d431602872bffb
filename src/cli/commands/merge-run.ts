import { mergeShards } from '../../cluster/merge.ts';
import { basinTable } from '../basin-table.ts';
import { commandLine } from '../format.ts';
import type { MergeArgs } from './merge.ts';

/** `basinmap merge`, once its arguments are parsed and checked (loaded only when it runs: see merge.ts). */
export async function runMerge(a: MergeArgs): Promise<void> {
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
}
