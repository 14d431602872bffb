import type { BasinSummary } from '../basins/types.ts';
import type { BackendProbe } from '../backends/types.ts';
import type { DescentOptions } from '../descent/options.ts';
import { STATUS } from '../descent/status.ts';
import type { Box, KnownPoint, Objective } from '../objectives/types.ts';
import { packageVersion } from '../backends/versions.ts';

export interface SummaryContext {
  objective: Objective;
  d: number;
  box: Box;
  starts: { describe: string; spec: unknown };
  descent: DescentOptions;
  control: Record<string, unknown>;
  backend: { name: string; probe: BackendProbe };
  seconds: Record<string, number>;
  known: (KnownPoint | undefined)[];
  partial?: boolean;
}

/** summary.json: the basins, the counts, and everything needed to reproduce the run. */
export function summaryDocument(s: BasinSummary, ctx: SummaryContext): Record<string, unknown> {
  return {
    tool: { name: 'basinmap', version: packageVersion('basinmap') === 'not installed' ? undefined : packageVersion('basinmap') },
    createdAt: new Date().toISOString(),
    partial: ctx.partial ?? false,
    objective: { name: ctx.objective.name, title: ctx.objective.title, formula: ctx.objective.formula, d: ctx.d, box: ctx.box, source: ctx.objective.source },
    starts: { n: s.n, ...ctx.starts },
    descent: ctx.descent,
    control: ctx.control,
    backend: ctx.backend,
    versions: { node: process.version, '@tensorflow/tfjs-core': packageVersion('@tensorflow/tfjs-core') },
    seconds: ctx.seconds,
    tolerances: s.tolerances,
    counts: { n: s.n, ...s.counts },
    basins: s.basins.map((b, k) => ({ ...b, known: ctx.known[k] ?? null })),
    statuses: STATUS,
  };
}
