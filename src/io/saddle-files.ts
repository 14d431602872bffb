import type { BasinSummary } from '../basins/types.ts';
import type { Objective } from '../objectives/types.ts';
import { renderDisconnectivity } from '../plot/disconnectivity-png.ts';
import { disconnectivityTree } from '../saddles/disconnectivity.ts';
import type { SaddleReport } from '../saddles/types.ts';
import type { FileSink } from './start-files.ts';

/** saddles.json's content: every saddle with the minima it joins, the barriers, and the search. */
export function saddlesDocument(objective: Objective, d: number, summary: BasinSummary, report: SaddleReport): Record<string, unknown> {
  const { known, missed } = report.listed;
  return {
    objective: { name: objective.name, title: objective.title, d },
    saddles: report.saddles.map((s, k) => ({ ...s, known: known[k] ?? null })),
    // Listed first-order saddles the search did not find (library functions).
    knownNotFound: missed,
    minima: summary.basins.filter((b) => b.kind === undefined || b.kind === 'minimum').map((b) => ({ id: b.id, x: b.x, f: b.f })),
    search: report.search,
    tolerances: report.tolerances,
  };
}

/** The minima and saddles as the disconnectivity graph joins them. */
export function treeOf(summary: BasinSummary, report: SaddleReport) {
  const minima = summary.basins.filter((b) => b.kind === undefined || b.kind === 'minimum').map((b) => ({ id: b.id, f: b.f }));
  return disconnectivityTree(minima, report.saddles);
}

/** saddles.json and disconnectivity.png into the run's sink; returns their paths. */
export async function writeSaddleFiles(sink: FileSink, objective: Objective, summary: BasinSummary, report: SaddleReport): Promise<string[]> {
  const tree = treeOf(summary, report);
  const png = renderDisconnectivity({
    tree,
    title: `${objective.title}: disconnectivity graph`,
    subtitle: `${tree.leaves} minima (leaves at their f, numbered as in the basin table), joined at the lowest of ${report.saddles.length} saddles between them`,
  });
  return [
    await sink.write('saddles.json', JSON.stringify(saddlesDocument(objective, summary.d, summary, report), null, 2) + '\n'),
    await sink.write('disconnectivity.png', png),
  ];
}
