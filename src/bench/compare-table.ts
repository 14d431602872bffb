import type { Comparison } from './compare.ts';
import { alignTable, ratio, sci, size } from './format.ts';

/** The comparison as text: one row per cell, flagged rows marked so they can be grepped ("<<"). */
export function compareTable(c: Comparison, beforeName: string, afterName: string): string {
  const out: string[] = [];
  out.push(`after ÷ before of median point-iterations/s; before = ${beforeName}, after = ${afterName}`);
  out.push(`flagged (<<) when beyond max(5%, the two cells' relative spreads added): the noise each run measured`);
  if (c.machineDifferences.length > 0) {
    out.push(`note: the two runs were on different setups, so ratios mix machine and code:\n  ${c.machineDifferences.join('\n  ')}`);
  }
  const header = ['workload', 'who', 'n', 'before', 'after', 'after÷before', 'noise ±', 'overlap', 'verdict'];
  const rows = c.changes.map((x) => {
    if (x.ratio === undefined) return [x.workload, x.who, size(x.n), x.verdict];
    return [
      x.workload,
      x.who,
      size(x.n),
      sci(x.before!.median),
      sci(x.after!.median),
      ratio(x.ratio),
      `${(x.threshold! * 100).toFixed(1)}%`,
      x.overlap ? 'yes' : 'no',
      x.verdict === 'within noise' ? x.verdict : `${x.verdict} <<`,
    ];
  });
  out.push(alignTable(header, rows, { left: [0, 1] }));
  const flagged = c.changes.filter((x) => x.verdict === 'faster' || x.verdict === 'slower');
  out.push(`${flagged.length} of ${c.changes.filter((x) => x.ratio !== undefined).length} cells changed beyond the noise`);
  return out.join('\n\n') + '\n';
}
