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
export { UserError } from '../core/errors.ts';
