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
// What the explore page draws and prints with, the same code as the CLI's pictures and tables.
export { resolveNamedObjective, type ResolvedObjective } from './objectives/named.ts';
export { parseBox } from './objectives/box.ts';
export { parseInitialGuesses } from './starts/initial-guesses.ts';
export { SAMPLER_NAMES } from './starts/types.ts';
export { traceTable } from './cli/trace-table.ts';
export { formatNumber } from './cli/number-format.ts';
export { drawBasinMap, basinMapFrame, basinMapColours, type BasinMapInput } from './plot/basin-map.ts';
export { basinMapInput } from './plot/map-picture.ts';
export { drawTrace, traceFrame, traceRange, type TracePlotInput } from './plot/trace-plot.ts';
export { traceInput } from './plot/trace-picture.ts';
export { drawPaths } from './plot/trace-layer.ts';
export { startColours } from './plot/starts-layer.ts';
export { planeOf, type Plane } from './plot/plane.ts';
export { sampleCurve } from './plot/field.ts';
export { clearWhite, type Ctx, type PaintPixels, type Pixels } from './plot/draw.ts';
export { BASIN_PALETTE, DIVERGED_COLOUR, NOT_CONVERGED_COLOUR, OTHERS_COLOUR, rgbOf } from './plot/palette.ts';
export { formatOptimizer, formatPercent, formatShort, formatValue } from './plot/format.ts';
export { basinLabel } from './basins/label.ts';
// The CLI's option defaults and checks (their modules import yargs for types only).
export { CLI_DEFAULTS, checkTraceIters, descentFromArgs, optimizerFromArgs, settleLr, withSuggestion, type DescentArgs, type Settled } from './cli/options/descent.ts';
export { DEFAULT_STARTS, startSpecFromArgs, type StartArgs } from './cli/options/starts.ts';
export { withDimensionAndBox } from './objectives/named.ts';
export { layoutFrame, type Frame } from './plot/frame.ts';
export { drawAxes } from './plot/axes.ts';
export { drawMinimum } from './plot/markers.ts';
export { drawTitle } from './plot/draw.ts';
export type { BasinColours } from './plot/basin-colours.ts';
