import { UserError } from '../../core/errors.ts';
import type { Box, DescentOptions } from '../../core/options.ts';
import type { StartFormat } from '../io/start-files.ts';
import type { MapJob } from '../job/map-job.ts';
import { resolveObjective } from '../objectives/resolve.ts';
import type { Objective } from '../objectives/types.ts';
import { planeOf, type Plane } from '../plot/plane.ts';
import type { ShadeChoice } from '../plot/shade.ts';
import type { RefineRequest } from '../refine/refine.ts';
import { refineFromArgs } from './options/refine.ts';
import { mapSlice, parsePngSize } from '../plot/slice-args.ts';
import { makeStartSet } from '../starts/index.ts';
import type { StartSpec } from '../starts/types.ts';
import type { ConfigArgs } from './options/config.ts';
import { descentFromArgs, settleLr, withSuggestion, type DescentArgs, type Settled } from './options/descent.ts';
import { startFormats, type FormatArgs } from './options/format.ts';
import type { ObjectiveArgs } from './options/objective.ts';
import { startSpecFromArgs, type StartArgs } from './options/starts.ts';

/** The `map` command's options (also what a shard records, and a merge reads back). */
export interface MapArgs extends ObjectiveArgs, DescentArgs, StartArgs, FormatArgs, ConfigArgs {
  backend?: string;
  out?: string;
  json: boolean;
  quiet: boolean;
  /** Seconds without progress before the watchdog stops the run (cli/watchdog.ts). */
  timeout?: number;
  checkEvery: number;
  chunk?: number;
  compact: boolean;
  clusterTol?: number;
  png: boolean;
  pngSize: string;
  /** Rounds of boundary refinement of a 2-D grid map (0: none). */
  refine: number;
  /** Lighten basin-map.png's starts by their iterations ('nit'). */
  shade?: ShadeChoice;
  slice?: string;
  at?: string;
  engine: string;
  dtype: 'float32' | 'float64';
  /** "k/K" or "auto/K": run only shard k of K (cluster/shard-range.ts). */
  shard?: string;
  /** Finish the interrupted run in --out instead of starting over. */
  resume?: boolean;
  /** Also find the saddles between the minima (grid starts). */
  saddles?: boolean;
  /** Boundary measures of a grid map: true always, false never, absent up to BOUNDARY_AUTO_POINTS. */
  boundary?: boolean;
}

/** Everything `map` decides from its options before it descends, checked: no work is lost to a typo. */
export interface MapSetup {
  objective: Objective;
  d: number;
  box: Box;
  settled: Settled;
  descent: DescentOptions;
  spec: StartSpec;
  starts: MapJob['starts'];
  formats: StartFormat[];
  control: MapJob['control'];
  /** basin-map.png's plane (none for d = 1: a curve over a strip) and size, when one is drawn (d ≤ 2 or a slice, and --png). */
  png?: { plane?: Plane; size: { width: number; height: number }; shade?: ShadeChoice };
  refine?: RefineRequest;
}

/**
 * Turns `map`'s options into the objective, the descent, the starts and the outputs, or throws
 * one line naming the first problem. The map command and a merge (which reads the options back
 * from the shards) both start here, so they cannot disagree on what the options mean.
 */
export async function prepareMap(a: MapArgs): Promise<MapSetup> {
  const { objective, d, box } = await resolveObjective({ fn: a.fn, module: a.objective, dim: a.dim, box: a.box });
  const given = withSuggestion(a, objective.suggested);
  // Every check of the descent flags before the starts and the curvature estimate cost anything.
  descentFromArgs(a, box, given.lr === 'auto' ? { ...given, lr: 1 } : given);
  if (!(Number.isInteger(a.checkEvery) && a.checkEvery >= 1)) throw new UserError(`--check-every must be a whole number ≥ 1, got ${a.checkEvery}`);
  if (a.chunk !== undefined && !(Number.isInteger(a.chunk) && a.chunk >= 1)) throw new UserError(`--chunk must be a whole number ≥ 1, got ${a.chunk}`);
  if (a.clusterTol !== undefined && !(a.clusterTol > 0)) throw new UserError(`--cluster-tol must be > 0, got ${a.clusterTol}`);
  const slice = mapSlice(a, box);
  const pngSize = parsePngSize(a.pngSize);
  const spec = slice?.spec ?? startSpecFromArgs(a, d);
  const starts = slice?.starts ?? (await makeStartSet(spec, box));
  if (starts.d !== d) throw new UserError(`the starts have ${starts.d} columns but ${objective.title} is ${d}-dimensional: fix the file or --dim`);
  // lr auto from the whole start set, so that every shard of a run settles on the same α.
  const settled = await settleLr(given, a, { f: objective.f, box, starts });
  const descent = descentFromArgs(a, box, settled);
  const refine = refineFromArgs({ ...a, refine: a.refine ?? 0 }, spec, box);
  const formats = startFormats(a.format);
  const plane = slice ? { ...slice.plane, ...(objective.variables ? { names: objective.variables } : {}) } : d === 2 ? planeOf(box, [0, 1], undefined, objective.variables) : undefined;
  return {
    objective, d, box, settled, descent, spec, starts, formats,
    // No --chunk: the engine's preferred chunk (native takes larger ones), recorded once it ran.
    control: { checkEvery: a.checkEvery, chunkRows: a.chunk, compact: a.compact },
    png: a.png && (plane || d === 1) ? { plane, size: pngSize, shade: a.shade } : undefined,
    refine,
  };
}

/** Map options as a config records them (null for unset, see resolvedConfig), as parsed options again. */
export function argsFromConfig(config: Record<string, unknown>): MapArgs {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, v === null ? undefined : v])) as unknown as MapArgs;
}
