// The library's browser-safe surface: what a page bundles (basinmap explore). Nothing reachable
// from here imports Node (node:*, worker threads, Dawn's webgpu package, binaryen, the file
// system); test/architecture/browser-bundle.test.ts bundles it for the browser and checks.
// Engines here: tfjs (any backend the page sets up) and fused-webgpu (the WGSL kernel).
export { tf } from '../core/tf.ts';
export { mapBasins, type MapRequest, type MapResult } from './map.ts';
export { runStarts, fromArray, RUN_DEFAULTS, type RunControl, type StartRows } from './descent/driver.ts';
export { tracePaths, type TracePaths } from './descent/trace.ts';
export { DESCENT_DEFAULTS, type Box, type DescentOptions } from '../core/options.ts';
export { STATUS, statusName, type StatusName } from '../core/status.ts';
export type { StartResults } from '../core/results.ts';
export { OPTIMIZERS, OPTIMIZER_NAMES, makeOptimizer, optimizerSpec, type OptimizerName, type OptimizerSpec } from '../core/optimizers/index.ts';
export { chooseEngine, autoOrder, describeEngine, type EngineChoice } from './engines/choose.ts';
export { engineNames, findEngine, registerEngine } from './engines/registry.ts';
export { LIBRARY, findLibraryFunction } from './objectives/library/index.ts';
export { objectiveFromExpression } from './objectives/expression/objective.ts';
export { parseExpression } from './objectives/expression/parse.ts';
export type { KnownPoint, Objective, ObjectiveFn } from './objectives/types.ts';
export { sampleStarts } from './starts/sample.ts';
export type { StartSet, StartSpec } from './starts/types.ts';
export { summarize } from './basins/summarize.ts';
export { classifyBasins, decideGlobal } from './basins/classify.ts';
export { matchKnown } from './basins/match-known.ts';
export { OUTCOME, outcomeName } from './basins/outcome.ts';
export type { Basin, BasinSummary } from './basins/types.ts';
export { UserError } from '../core/errors.ts';
