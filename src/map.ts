import { descend, type RunControl, type StartRows } from './descent/run.ts';
import type { DescentOptions } from './descent/options.ts';
import type { StartResults } from './descent/types.ts';
import { classifyBasins } from './basins/classify.ts';
import type { EngineChoice } from './engines/choose.ts';
import { runFusedChunks } from './engines/run-fused.ts';
import { summarize } from './basins/summarize.ts';
import type { BasinSummary } from './basins/types.ts';
import type { Objective } from './objectives/types.ts';

export interface MapRequest {
  objective: Objective;
  starts: StartRows;
  descent: DescentOptions;
  control?: Partial<RunControl>;
  /** Clustering distance; default from the box (see basins/tolerances.ts). */
  clusterDistance?: number;
  /** Classify at most this many basins (best first) by their Hessian; 0 turns it off. */
  classifyLimit?: number;
  /** Which engine descends (default: tfjs, op by op). See engines/choose.ts. */
  engine?: EngineChoice;
}

/** Hessians cost d reverse passes over the basins: beyond this many, the rest stay unclassified. */
export const DEFAULT_CLASSIFY_LIMIT = 10_000;

export interface MapResult {
  results: StartResults;
  summary: BasinSummary;
  /** Wall time of the descent alone, and of the clustering. */
  seconds: { descent: number; summary: number };
}

/** The main job: descend every start, then group the end points into basins. */
export async function mapBasins(req: MapRequest): Promise<MapResult> {
  const t0 = performance.now();
  const results =
    req.engine?.kind === 'fused'
      ? await runFusedChunks(req.engine.runner, req.starts, req.descent.maxIter, req.control ?? {})
      : await descend(req.objective.f, req.starts, req.descent, req.control);
  const t1 = performance.now();
  const summary = await classifyBasins(
    summarize(results, { box: req.descent.box, sense: req.descent.sense, distance: req.clusterDistance }),
    req.objective.f,
    req.descent.box,
    req.classifyLimit ?? DEFAULT_CLASSIFY_LIMIT,
  );
  const t2 = performance.now();
  return { results, summary, seconds: { descent: (t1 - t0) / 1000, summary: (t2 - t1) / 1000 } };
}
