import type { Dtype } from '../../core/dtype.ts';
import type { Box, DescentOptions } from '../../core/options.ts';
import type { StartResults } from '../../core/results.ts';
import { defaultBackend, probeBackend, useBackend } from '../backends/registry.ts';
import type { BackendProbe } from '../backends/types.ts';
import { matchKnown } from '../basins/match-known.ts';
import type { RunControl, StartRows } from '../descent/driver.ts';
import type { ProgressCallback } from '../descent/progress.ts';
import type { AutoStepSize } from '../descent/step-size.ts';
import { summaryDocument } from '../io/summary-json.ts';
import { convergenceTimes, type ConvergenceTimes } from '../science/convergence.ts';
import { mapBasins, type MapResult } from '../map.ts';
import '../node/register.ts';
import { refineRecord } from '../refine/record.ts';
import type { RefineRequest } from '../refine/refine.ts';
import { findSaddles } from '../saddles/find.ts';
import type { SaddleProgress, SaddleReport } from '../saddles/types.ts';
import { checkFits } from './memory.ts';
import { mapBoundary, type BoundaryEntry } from './boundary.ts';
import type { KnownPoint, Objective } from '../objectives/types.ts';

/** Everything a `map` run needs, decided: what the CLI (or any caller) builds from its options. */
export interface MapJob {
  objective: Objective;
  d: number;
  box: Box;
  starts: StartRows & { describe: string };
  /** How summary.json records the start set (sampler and its settings, or the file). */
  startsSpec: unknown;
  descent: DescentOptions;
  dtype: Dtype;
  /** An engine name, 'fused' or 'auto'. */
  engine: string;
  /** A tfjs backend name; default: the fastest available here. */
  backend?: string;
  /** chunkRows unset: the engine's preference (native: larger chunks), else the driver's default. */
  control: Pick<RunControl, 'checkEvery' | 'compact'> & Partial<Pick<RunControl, 'chunkRows'>>;
  clusterDistance?: number;
  /** --refine: rounds of boundary refinement of a 2-D grid map (refine/). */
  refine?: RefineRequest;
  /** Results of an interrupted run of these starts, to finish rather than start again (--resume, a requeued shard). */
  previous?: StartResults;
  /** Every option's final value, given the backend and the chunk that ran (summary.json's `config`). */
  recordConfig?: (backend: string, chunkRows: number) => Record<string, unknown>;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Also find the saddles between the minima (starts on a grid of `dims` points per axis, axis 1 first). */
  saddles?: { dims: number[]; onProgress?: (p: SaddleProgress) => void };
  /** What lr auto chose and why, when the caller settled it (summary.json's stepSize). */
  stepSize?: AutoStepSize;
  /** Boundary measures (job/boundary.ts): the grid's points per axis (axis 1 first) and true/false/undefined = auto. */
  boundary?: { dims?: number[]; want?: boolean };
}

export interface MapJobResult {
  map: MapResult;
  backend: string;
  probe: BackendProbe;
  /** Per basin, the known stationary point it is (library functions), else undefined. */
  known: (KnownPoint | undefined)[];
  /** The run stopped early (an abort): results are partial. */
  partial: boolean;
  /** Iterations per basin over the converged starts (summary.json's basins[].nit). */
  times: ConvergenceTimes;
  /** summary.json's content. */
  summary: Record<string, unknown>;
  /** The saddles, when the job asked for them (and the run was not stopped). */
  saddles?: SaddleReport;
  /** The boundary measures of a grid map (summary.json's `boundary`), or why they were skipped. */
  boundary?: BoundaryEntry;
}

/**
 * The `map` job as the library runs it: picks and starts the tfjs backend, runs mapBasins (engine
 * choice, descent, basins), matches the basins with the function's known points and builds the
 * summary document. Writing files is writeMapOutputs' job; printing is the CLI's.
 */
export async function runMapJob(job: MapJob): Promise<MapJobResult> {
  checkFits(job.starts.n, job.d, job.dtype);
  const backend = job.backend ?? (await defaultBackend());
  await useBackend(backend);
  const probe = await probeBackend(backend);
  const map = await mapBasins({
    objective: job.objective,
    starts: job.starts,
    descent: job.descent,
    dtype: job.dtype,
    engine: job.engine,
    control: { ...job.control, signal: job.signal, onProgress: job.onProgress },
    clusterDistance: job.clusterDistance,
    previous: job.previous,
    refine: job.refine,
  });
  const partial = !!job.signal?.aborted;
  const known = matchKnown(map.summary.basins, job.objective.known(job.d), map.summary.tolerances.distance);
  const times = convergenceTimes(map.summary.outcome, map.results.nit);
  const summary = summaryDocument(map.summary, {
    objective: job.objective,
    d: job.d,
    box: job.box,
    descent: map.descent,
    dtype: job.dtype,
    control: { ...job.control, chunkRows: map.chunkRows },
    starts: { describe: job.starts.describe, spec: job.startsSpec },
    backend: { name: backend, probe },
    engine: map.engine,
    seconds: map.seconds,
    known,
    partial,
    config: job.recordConfig?.(backend, map.chunkRows),
    stepSize: job.stepSize ?? map.stepSize,
    convergence: times,
  });
  const searched = job.saddles && !partial
    ? await findSaddles({ objective: job.objective, d: job.d, descent: job.descent, dtype: job.dtype, engine: map.engine.name, starts: job.starts, dims: job.saddles.dims, summary: map.summary, signal: job.signal, onProgress: job.saddles.onProgress })
    : undefined;
  // Stopped during the search: its descents were cut short, so its saddles are not reported.
  const saddles = job.signal?.aborted ? undefined : searched;
  if (saddles) Object.assign(summary, { saddles: { found: saddles.saddles.length, file: 'saddles.json', search: saddles.search } });
  if (map.refined) summary.refine = refineRecord(map.refined, map.results.n);
  // A partial map's unfinished starts would read as holes in the basins: no measures of those.
  const boundary = job.boundary && !partial ? mapBoundary(map, job.boundary.dims, job.boundary.want) : undefined;
  if (boundary) summary.boundary = boundary;
  return { map, backend, probe, known, partial, times, summary, saddles, boundary };
}
