// The library's public surface for Node. Everything here is usable without the CLI; nothing here
// prints. (A browser page imports src/browser.ts instead: no Node-only engine or backend.)
import './node/register.ts';

export { tf } from '../core/tf.ts';
export { mapBasins, type MapRequest, type MapResult } from './map.ts';
export { runStarts, fromArray, RUN_DEFAULTS, type RunControl, type StartRows } from './descent/driver.ts';
export { tracePaths, type TracePaths } from './descent/trace.ts';
export { DESCENT_DEFAULTS, type Box, type DescentOptions } from '../core/options.ts';
export { STATUS, statusName, type StatusName } from '../core/status.ts';
export type { StartResults } from '../core/results.ts';
export type { Dtype } from '../core/dtype.ts';
export type { Progress, ProgressCallback } from './descent/progress.ts';
export { OPTIMIZERS, OPTIMIZER_NAMES, makeOptimizer, optimizerSpec, type OptimizerName, type OptimizerSpec, type Transform } from '../core/optimizers/index.ts';
export { chain } from '../core/optimizers/transforms/chain.ts';
export { scale } from '../core/optimizers/transforms/scale.ts';
export { trace } from '../core/optimizers/transforms/trace.ts';
export { scaleByAdam } from '../core/optimizers/transforms/scale-by-adam.ts';
export { scaleByRms } from '../core/optimizers/transforms/scale-by-rms.ts';
export { scaleByRss } from '../core/optimizers/transforms/scale-by-rss.ts';
export { chooseEngine, autoOrder, describeEngine, type EngineChoice } from './engines/choose.ts';
export { engineNames, findEngine, registerEngine } from './engines/registry.ts';
export type { Compiled, Engine, EngineEnv, Problem } from './engines/types.ts';
export { LIBRARY, findLibraryFunction } from './objectives/library/index.ts';
export { objectiveFromExpression } from './objectives/expression/objective.ts';
export { parseExpression } from './objectives/expression/parse.ts';
export { resolveObjective } from './objectives/resolve.ts';
export type { KnownPoint, Objective, ObjectiveFn } from './objectives/types.ts';
export { makeStartSet } from './starts/index.ts';
export type { StartSet, StartSpec } from './starts/types.ts';
export { summarize } from './basins/summarize.ts';
export { classifyBasins, decideGlobal } from './basins/classify.ts';
export { OUTCOME, outcomeName } from './basins/outcome.ts';
export type { Basin, BasinSummary } from './basins/types.ts';
export { BACKENDS, backendNames, defaultBackend, probeBackend, useBackend } from './backends/registry.ts';
export { BusyError, EXIT, IoError, UserError } from '../core/errors.ts';
export { openRunDir, type RunDir, type RunDirOptions } from './io/run-dir.ts';
export { writeFileAtomic } from './io/atomic.ts';
export { proveWritableFile } from './io/destination.ts';
export { runMapJob, type MapJob, type MapJobResult } from './job/map-job.ts';
export { writeMapOutputs } from './io/map-outputs.ts';
// Sweeps cut into shards (Slurm job arrays or any loop over k), their merge, and resuming.
export { BasinAccumulator } from './basins/summarize.ts';
export { rangeRows, resumeStarts } from './descent/resume.ts';
export { mergeShards, type MergeRequest, type MergeResult } from './cluster/merge.ts';
export { parseShard, shardRange, shardName, type Shard } from './cluster/shard-range.ts';
export { readManifest, MANIFEST_FILE, type Manifest } from './cluster/manifest.ts';
export { mapScript, mergeScript, slurmPaths, type SlurmResources, type SweepPlan } from './cluster/sbatch.ts';
export { submitSweep } from './cluster/submit.ts';
export { writeMapContent, type MapOutputContent } from './io/map-outputs.ts';
export { rowsInMemory, type ResultRows, type RowBatch } from './io/start-rows.ts';
export { findSaddles, gridDims, boundaryPairs, disconnectivityTree, SADDLE_DEFAULTS, type Saddle, type SaddleReport, type SaddleRequest, type SaddleProgress } from './saddles/index.ts';
// A formula's parameters as a batch axis: every value × every start in one run, then continuation.
export { parseParamFlag, parseParamFlags, paramGrid, type ParamAxis } from './params/axes.ts';
export { paramObjective, type ParamObjective } from './params/objective.ts';
export { runParamSweep, type SweepRequest, type SweepResult } from './params/sweep.ts';
export { continuation, type Continuation, type ContinuationLine, type Branch, type BifurcationEvent, type TippingMatrix } from './params/continuation.ts';
export { writeSweepOutputs, continuationDocument, type SweepOutputContent } from './io/sweep-outputs.ts';
