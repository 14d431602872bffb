import { optimizerLabel } from '../../core/optimizers/index.ts';
import type { DescentOptions } from '../../core/options.ts';
import type { ParamAxis } from '../params/axes.ts';
import type { SweepResult } from '../params/sweep.ts';
import { fractionsPng, positionsPng } from '../plot/continuation-png.ts';
import type { FileSink } from './start-files.ts';
import { sweepParquet } from './sweep-parquet.ts';

export interface SweepOutputContent {
  formula: string;
  axes: readonly ParamAxis[];
  /** The free variables' names. */
  variables: string[];
  descent: DescentOptions;
  /** The start set's one-line description. */
  starts: string;
  backend: string;
  result: SweepResult;
  png?: { width: number; height: number };
}

/**
 * The outputs of a parameter sweep, into a sink (a RunDir: they appear together on commit):
 * continuation-fractions.png and continuation-minima.png (the first continuation line),
 * sweep.parquet (one row per parameter point and start), and continuation.json last.
 */
export async function writeSweepOutputs(sink: FileSink, c: SweepOutputContent): Promise<string[]> {
  const written: string[] = [];
  const names = c.axes.map((a) => a.name);
  const { result: r } = c;
  if (c.png) {
    const [line] = r.continuation.lines;
    const fixed = Object.entries(line.fixed).map(([k, v]) => `${k} = ${v}`).join(', ');
    const input = {
      line,
      parameter: r.continuation.parameter,
      variables: c.variables,
      box: c.descent.box,
      title: c.formula,
      subtitle: `${c.starts} at each of ${line.values.length} values of ${r.continuation.parameter}${fixed ? ` (${fixed})` : ''}; ${optimizerLabel(c.descent.optimizer)}`,
      ...c.png,
    };
    written.push(await sink.write('continuation-fractions.png', fractionsPng(input)));
    written.push(await sink.write('continuation-minima.png', positionsPng(input)));
  }
  written.push(await sink.write('sweep.parquet', await sweepParquet(r, names, c.variables.length)));
  written.push(await sink.write('continuation.json', JSON.stringify(continuationDocument(c), null, 2) + '\n'));
  return written;
}

/** continuation.json: the sweep, each point's basins, and the continuation (branches, events, tipping). */
export function continuationDocument(c: SweepOutputContent): Record<string, unknown> {
  const { result: r } = c;
  return {
    formula: c.formula,
    variables: c.variables,
    parameters: c.axes.map((a) => ({ name: a.name, values: a.values })),
    starts: { describe: c.starts, perPoint: r.summaries[0]?.n ?? 0, total: r.results.n },
    descent: { optimizer: c.descent.optimizer, maxIter: c.descent.maxIter, gtol: c.descent.gtol, xtol: c.descent.xtol, box: c.descent.box, bounds: c.descent.bounds ?? 'free' },
    backend: c.backend,
    engine: r.engine,
    seconds: r.seconds,
    points: r.points.map((pt, k) => {
      const s = r.summaries[k];
      return {
        params: Object.fromEntries(c.axes.map((a, j) => [a.name, pt[j]])),
        counts: s.counts,
        basins: s.basins.map((b) => ({ id: b.id, x: b.x, f: b.f, count: b.count, fraction: b.fraction, kind: b.kind ?? null, global: b.global })),
      };
    }),
    continuation: r.continuation,
  };
}
