import { optimizerLabel } from '../../core/optimizers/index.ts';
import { UserError } from '../../core/errors.ts';
import { defaultBackend, useBackend } from '../backends/registry.ts';
import { defaultChunkRows } from '../descent/driver.ts';
import { describeEngine } from '../engines/choose.ts';
import { openRunDir } from '../io/run-dir.ts';
import { continuationDocument, writeSweepOutputs } from '../io/sweep-outputs.ts';
import { checkFits } from '../job/memory.ts';
import { findLibraryFunction } from '../objectives/library/index.ts';
import { parseParamFlags } from '../params/axes.ts';
import { paramObjective } from '../params/objective.ts';
import { runParamSweep } from '../params/sweep.ts';
import { parsePngSize } from '../plot/slice-args.ts';
import { makeStartSet } from '../starts/index.ts';
import { commandLine, formatNumber } from './format.ts';
import type { MapArgs } from './map-setup.ts';
import { autoLrLine, descentFromArgs, settleLr, withSuggestion } from './options/descent.ts';
import { paramGrid, type ParamAxis } from '../params/axes.ts';
import type { ParamObjective } from '../params/objective.ts';
import type { StartRows } from '../descent/driver.ts';
import { startSpecFromArgs } from './options/starts.ts';
import { progressReporter } from './progress.ts';
import { gracefulStop } from './signals.ts';
import { heartbeat } from './watchdog.ts';

export interface ParamArgs {
  /** --param NAME=START:STOP:COUNT or NAME=V1,V2,...; several make a grid. */
  param?: string[];
  /** --match-tol: distance under which minima at consecutive values are one branch. */
  matchTol?: number;
}

/** Options of `map` that mean nothing for a sweep (or are not built for one yet), and why. */
const NOT_WITH_PARAM: Array<[keyof MapArgs, string]> = [
  ['objective', 'a parameter is a name in a typed formula, and a module is tfjs code'],
  ['shard', 'a sweep runs as one job'],
  ['resume', 'a sweep runs as one job'],
  ['slice', 'a sweep maps the whole box'],
  ['saddles', 'saddles are searched on one map, not yet per parameter value'],
];

/**
 * `map FORMULA --param a=0:2:41`: every parameter value × every start in one run (one launch of
 * the fused kernel per chunk), then basins per value, continuation across values, and the
 * sweep's files in --out.
 */
export async function runParamSweepCommand(a: MapArgs & ParamArgs): Promise<void> {
  for (const [key, why] of NOT_WITH_PARAM) {
    if (a[key] !== undefined && a[key] !== false) throw new UserError(`--param cannot be combined with --${kebab(key)}: ${why}`);
  }
  if (a.refine) throw new UserError('--param cannot be combined with --refine: refinement works on one map, not yet per parameter value');
  if (a.fn && findLibraryFunction(a.fn)) throw new UserError(`--param needs a typed formula that names the parameter, e.g. "a*x^4 - x^2 + y^2" --box -2,2 --param a=0:2:41`);
  if (!a.fn) throw new UserError('--param needs a typed formula, e.g. "a*x^4 - x^2 + y^2" --box -2,2 --param a=0:2:41');
  if (a.matchTol !== undefined && !(a.matchTol > 0 && Number.isFinite(a.matchTol))) throw new UserError(`--match-tol must be a distance > 0, got ${a.matchTol}`);
  if (!(Number.isInteger(a.checkEvery) && a.checkEvery >= 1)) throw new UserError(`--check-every must be a whole number ≥ 1, got ${a.checkEvery}`);
  if (a.chunk !== undefined && !(Number.isInteger(a.chunk) && a.chunk >= 1)) throw new UserError(`--chunk must be a whole number ≥ 1, got ${a.chunk}`);
  if (a.clusterTol !== undefined && !(a.clusterTol > 0)) throw new UserError(`--cluster-tol must be > 0, got ${a.clusterTol}`);
  const axes = parseParamFlags(a.param ?? []);
  const objective = paramObjective(a.fn, axes, { box: a.box, dim: a.dim });
  const { d, box } = objective;
  const given = withSuggestion(a, undefined);
  // Every other option checked before the curvature estimate runs (lr auto is settled below).
  descentFromArgs(a, box, given.lr === 'auto' ? { ...given, lr: 1 } : given);
  const pngSize = parsePngSize(a.pngSize);
  const starts = await makeStartSet(startSpecFromArgs(a, d), box);
  if (starts.d !== d) throw new UserError(`the starts have ${starts.d} columns but the formula has ${d} variables: fix the file or --dim`);
  const settled = await settleSweepLr(given, a, objective, axes, starts);
  const descent = descentFromArgs(a, box, settled);
  const points = axes.reduce((k, ax) => k * ax.values.length, 1);
  checkFits(starts.n * points, d + axes.length, a.dtype);
  const backend = a.backend ?? (await defaultBackend());
  const run = a.out === undefined ? undefined : openRunDir(a.out, { command: commandLine(), onNote: (line) => process.stderr.write(`note: ${line}\n`) });
  const stop = gracefulStop((line) => process.stderr.write(`\n${line}\n`));
  try {
    await useBackend(backend);
    const progress = progressReporter({ quiet: a.quiet || a.json });
    heartbeat(`descending ${starts.n} starts at ${points} parameter points`);
    const r = await runParamSweep({
      objective, axes, starts, descent, dtype: a.dtype, engine: a.engine, clusterDistance: a.clusterTol, matchDistance: a.matchTol,
      control: { checkEvery: a.checkEvery, chunkRows: a.chunk ?? defaultChunkRows(d + axes.length), compact: a.compact, signal: stop.signal, onProgress: progress.onProgress },
    });
    progress.done();
    if (stop.signal.aborted) {
      // A sweep's continuation needs every point: nothing partial is written, --out stays as it was.
      process.stderr.write(`the sweep was interrupted: nothing was written\n`);
      process.exitCode = stop.exitCode ?? 130;
      return;
    }
    const content = { formula: a.fn, axes, variables: objective.variables, descent, starts: starts.describe, backend, result: r, png: a.png ? pngSize : undefined };
    let written: string[] = [];
    if (run) {
      stop.writing(run.path);
      await writeSweepOutputs(run, content);
      written = run.commit({ partial: false });
    }
    if (a.json) {
      process.stdout.write(JSON.stringify(continuationDocument(content), null, 2) + '\n');
      return;
    }
    const o = descent.optimizer;
    const lines = [
      `${a.fn}, d=${d}, ${starts.describe} at ${points} parameter points (${starts.n * points} descents); ${optimizerLabel(o)}, max ${descent.maxIter} iterations; backend ${backend}; ${r.seconds.descent.toFixed(2)} s`,
      `engine ${describeEngine({ engine: r.engine.name, reason: r.engine.reason })}`,
      ...(settled.auto ? [autoLrLine(settled).trimEnd()] : []),
      ...sweepTable(r, axes.map((ax) => ax.name)),
      ...(written.length > 0 ? [`wrote ${written.join(', ')}`] : []),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    stop.dispose();
    run?.close();
  }
}

/** One line per parameter point (minima, their fractions) and the bifurcations. */
function sweepTable(r: Awaited<ReturnType<typeof runParamSweep>>, names: string[]): string[] {
  const out = r.points.map((pt, k) => {
    const s = r.summaries[k];
    const at = names.map((n, j) => `${n}=${formatNumber(pt[j])}`).join(' ');
    const basins = s.basins.slice(0, 6).map((b) => `(${b.x.map((v) => formatNumber(v)).join(', ')}) ${(100 * b.fraction).toFixed(1)}%`).join('  ');
    return `${at}: ${s.basins.length} basin${s.basins.length === 1 ? '' : 's'}  ${basins}${s.basins.length > 6 ? '  ...' : ''}`;
  });
  for (const line of r.continuation.lines) {
    for (const e of line.events) out.push(`${e.kind === 'appear' ? 'appears' : 'vanishes'}: branch ${e.branch} between ${r.continuation.parameter}=${formatNumber(e.between[0])} and ${formatNumber(e.between[1])}`);
  }
  return out;
}

function kebab(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Parameter points lr auto looks at: the curvature, and so the stable step, changes with the parameter. */
const AUTO_LR_POINTS = 8;

/**
 * lr auto for a sweep: the one rule (descent/step-size.ts) at up to AUTO_LR_POINTS parameter
 * points spread over the grid, f taken at each point (the parameters held fixed, as the descent
 * holds them), and the smallest α of those: one α must be stable at every value.
 */
async function settleSweepLr(given: ReturnType<typeof withSuggestion>, a: MapArgs, objective: ParamObjective, axes: readonly ParamAxis[], starts: StartRows) {
  if (given.lr !== 'auto') return settleLr(given, a, { f: objective.wide.f, box: objective.box, starts });
  const grid = paramGrid(axes);
  const picks = grid.length <= AUTO_LR_POINTS ? grid : Array.from({ length: AUTO_LR_POINTS }, (_, k) => grid[Math.round((k * (grid.length - 1)) / (AUTO_LR_POINTS - 1))]);
  let best: Awaited<ReturnType<typeof settleLr>> | undefined;
  let at: readonly number[] = picks[0];
  for (const p of picks) {
    const s = await settleLr(given, a, { f: objective.at(p), box: objective.box, starts });
    if (!best || s.lr < best.lr) [best, at] = [s, p];
  }
  const where = axes.map((ax, j) => `${ax.name} = ${at[j]}`).join(', ');
  return { ...best!, auto: best!.auto && { ...best!.auto, why: `${best!.auto.why}; the smallest over ${picks.length} parameter points, at ${where}` } };
}
