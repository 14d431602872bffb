import { createRequire } from 'node:module';
import { splitFlat, unreachedGlobalNote } from '../basins/flat.ts';
import type { BasinSummary } from '../basins/types.ts';
import { failureWarnings } from '../basins/warnings.ts';
import { wilson } from '../basins/wilson.ts';
import type { BackendProbe } from '../backends/types.ts';
import type { DescentOptions } from '../../core/options.ts';
import type { AutoStepSize } from '../descent/step-size.ts';
import { STATUS } from '../../core/status.ts';
import type { Box, KnownPoint, Objective } from '../objectives/types.ts';
import { packageVersion } from '../backends/versions.ts';
import type { ConvergenceTimes } from '../science/convergence.ts';

// Read from our own package.json: packageVersion('basinmap') only finds installed packages.
export const BASINMAP_VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
const TFJS_PACKAGES = ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-webgpu', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'];

export interface SummaryContext {
  objective: Objective;
  d: number;
  box: Box;
  starts: { describe: string; spec: unknown };
  descent: DescentOptions;
  control: Record<string, unknown>;
  backend: { name: string; probe: BackendProbe };
  engine?: { name: string; reason: string };
  dtype?: string;
  seconds: Record<string, number>;
  known: (KnownPoint | undefined)[];
  partial?: boolean;
  /** Every option's final value (see cli/options/config.ts): as a --config file, it reruns this run. */
  config?: Record<string, unknown>;
  /** What lr auto chose and why (absent when lr was given or suggested). */
  stepSize?: AutoStepSize;
  /** Iterations per basin (science/convergence.ts): each basin entry gets its `nit` statistics. */
  convergence?: ConvergenceTimes;
}

/**
 * summary.json: the basins, the counts, and everything needed to reproduce the run. Plateau end
 * points are one `flatRegion` entry (basins/flat.ts), not one basin each; `knownGlobal` says
 * whether the function's listed global minimum was reached, and in words when it was not.
 */
export function summaryDocument(s: BasinSummary, ctx: SummaryContext): Record<string, unknown> {
  const nit = new Map(ctx.convergence?.basins.map(({ basin, starts: _, ...t }) => [basin, t]));
  const { basins, flat } = splitFlat(s);
  return {
    tool: { name: 'basinmap', version: BASINMAP_VERSION },
    createdAt: new Date().toISOString(),
    partial: ctx.partial ?? false,
    config: ctx.config,
    objective: { name: ctx.objective.name, title: ctx.objective.title, formula: ctx.objective.formula, d: ctx.d, box: ctx.box, source: ctx.objective.source },
    starts: { n: s.n, ...ctx.starts },
    descent: ctx.descent,
    stepSize: ctx.stepSize ?? null,
    control: ctx.control,
    backend: ctx.backend,
    engine: ctx.engine,
    dtype: ctx.dtype ?? 'float32',
    versions: { node: process.version, basinmap: BASINMAP_VERSION, ...Object.fromEntries(TFJS_PACKAGES.map((p) => [p, packageVersion(p)])) },
    seconds: ctx.seconds,
    tolerances: s.tolerances,
    counts: { n: s.n, ...s.counts },
    warnings: failureWarnings(s, { descent: ctx.descent, lrAuto: ctx.stepSize !== undefined }),
    // Wilson rather than ±z·√(p(1−p)/n): it stays in [0, 1], and is not a single point when
    // every start reached the same basin.
    basins: basins.map((b) => ({ ...b, fractionCI95: wilson(b.count, s.n), known: ctx.known[b.id] ?? null, ...(ctx.convergence ? { nit: nit.get(b.id) ?? null } : {}) })),
    flatRegion: flat ? { ...flat, fractionCI95: wilson(flat.count, s.n) } : null,
    knownGlobal: s.knownGlobal ? { ...s.knownGlobal, message: unreachedGlobalNote(s) ?? 'reached' } : null,
    statuses: STATUS,
  };
}
