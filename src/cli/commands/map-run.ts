import { optimizerLabel } from '../../../core/optimizers/index.ts';
import { UserError } from '../../../core/errors.ts';
import { hideBin } from 'yargs/helpers';
import { defaultBackend } from '../../backends/registry.ts';
import { ENDPOINTS_FILE } from '../../cluster/endpoints-file.ts';
import { MANIFEST_FILE, recordingSink } from '../../cluster/manifest.ts';
import { partStarts, planPart, writePartRecord } from '../../cluster/run-part.ts';
import { describeEngine } from '../../engines/choose.ts';
import { openRunDir } from '../../io/run-dir.ts';
import { writeMapOutputs } from '../../io/map-outputs.ts';
import { runMapJob, type MapJob } from '../../job/map-job.ts';
import '../../node/register.ts';
import { basinTable } from '../basin-table.ts';
import { saddleGrid } from '../options/saddles.ts';
import { gridDims } from '../../saddles/grid-pairs.ts';
import { boundaryBlock } from '../boundary-block.ts';
import { saddleTable } from '../saddle-table.ts';
import { commandLine } from '../format.ts';
import { prepareMap } from '../map-setup.ts';
import { runParamSweepCommand } from '../param-sweep.ts';
import { gracefulStop } from '../signals.ts';
import { describeRefinement } from '../../refine/record.ts';
import { progressReporter } from '../progress.ts';
import { heartbeat, startWatchdog } from '../watchdog.ts';
import { resolvedConfig } from '../options/config.ts';
import { autoLrLine, suggestionLine } from '../options/descent.ts';
import { mapChoicesAsOptions } from '../options/resolved.ts';
import { requireOutForShards } from '../options/shard.ts';
import type { MapCommandArgs } from './map.ts';

/** `basinmap map`, once its arguments are parsed and checked (loaded only when it runs: see map.ts). */
export async function runMap(a: MapCommandArgs): Promise<void> {
  if (a.timeout !== undefined) {
    if (!(a.timeout > 0 && Number.isFinite(a.timeout))) throw new UserError(`--timeout must be a number of seconds > 0, got ${a.timeout}`);
    startWatchdog(a.timeout);
  }
  if (a.param !== undefined) return runParamSweepCommand(a);
  heartbeat(a.objective ? `loading ${a.objective} and calling its f` : 'reading the objective');
  requireOutForShards(a);
  const setup = await prepareMap(a);
  const { objective, d, settled, descent } = setup;
  const saddleDims = saddleGrid(a, setup.spec, d);
  const say = (line: string) => process.stderr.write(`${line}\n`);
  // With --out, the backend is settled first: it is one of the options a shard or a resume
  // must agree on (the fastest one differs between machines).
  const backend = a.out === undefined ? a.backend : (a.backend ?? (await defaultBackend()));
  const part = a.out === undefined ? undefined : await planPart({ ...a, out: a.out }, setup, backend!);
  if (part?.skip) {
    say(part.skip);
    return;
  }
  if (part?.note) say(`note: ${part.note}`);
  // Takes the lock beside --out, which proves it writable before the long part; creates nothing
  // else until there is something to write. close() in the finally undoes it on any error.
  const run = part && openRunDir(part.dir, { command: commandLine(), onNote: (line) => say(`note: ${line}`) });
  let stop: ReturnType<typeof gracefulStop> | undefined;
  try {
    const control = setup.control;
    const progress = progressReporter({ quiet: a.quiet || a.json });
    // From here the first Ctrl-C (or SIGTERM) stops the sweep and the results so far are
    // written, marked partial; a second one quits, leaving --out as it was. Before here a
    // signal quits at once: there is nothing to save yet.
    stop = gracefulStop((line) => process.stderr.write(`\n${line}\n`));
    const starts = part ? partStarts(setup, part) : setup.starts;
    const job: MapJob = {
      objective, d, box: setup.box, starts, startsSpec: setup.spec, descent, dtype: a.dtype, engine: a.engine, backend, control,
      clusterDistance: a.clusterTol,
      previous: part?.previous,
      recordConfig: (backend, chunkRows) => resolvedConfig(a, { ...mapChoicesAsOptions({ backend, chunkRows, d, box: setup.box, spec: setup.spec }), optimizer: settled.optimizer, lr: settled.auto ? 'auto' : settled.lr, maxIter: settled.maxIter }),
      stepSize: settled.auto,
      refine: setup.refine,
      signal: stop.signal,
      onProgress: progress.onProgress,
      boundary: { dims: gridDims(setup.spec, d), want: a.boundary },
      saddles: saddleDims && { dims: saddleDims, onProgress: (p) => heartbeat(`saddles: ${p.phase} round ${p.round}, ${p.live} live`) },
    };
    heartbeat(`descending (${a.objective ? `f in ${a.objective}` : objective.title})`);
    const r = await runMapJob(job);
    heartbeat('writing the results');
    progress.done();

    let written: string[] = [];
    if (run && part) {
      stop.writing(run.path);
      if (r.partial) say(`writing the results so far to ${run.path} (Ctrl-C again abandons them and leaves ${run.path} as it was)`);
      else if (!(a.quiet || a.json)) say(`writing the results to ${run.path}`);
      const sink = recordingSink(run);
      // A shard draws no picture: it would show a strip of the map; the merge draws the whole.
      await writeMapOutputs(sink, job, r, { formats: setup.formats, png: part.shard ? undefined : setup.png, firstStart: part.range.from });
      await writePartRecord(sink, part, setup, job, r, { line: commandLine(), argv: hideBin(process.argv) });
      written = run.commit({ partial: r.partial });
    }
    // The conventional status of a program stopped by a signal (130 Ctrl-C, 143 SIGTERM), now
    // that what it had is safe.
    if (stop.exitCode) process.exitCode = stop.exitCode;
    if (a.json) {
      process.stdout.write(JSON.stringify(r.summary, null, 2) + '\n');
      return;
    }
    const o = descent.optimizer;
    process.stdout.write(
      `${objective.title}, d=${d}, ${starts.describe}; ${optimizerLabel(o)}, max ${descent.maxIter} iterations; ` +
        `backend ${r.backend}; ${r.map.seconds.descent.toFixed(2)} s${r.partial ? '; PARTIAL: interrupted' : ''}\n` +
        `engine ${describeEngine({ engine: r.map.engine.name, reason: r.map.engine.reason })}\n` +
        suggestionLine(objective, settled) +
        autoLrLine(settled) +
        (r.map.refined ? `${describeRefinement(r.map.refined, r.map.results.n)}\n` : '') +
        '\n' +
        basinTable(r.map.summary, r.known, r.summary.warnings as string[], r.times) + '\n' +
        (r.boundary ? '\n' + boundaryBlock(r.boundary) + '\n' : '') +
        (r.saddles ? '\n' + saddleTable(r.saddles) + '\n' : '') +
        (written.length > 0 ? `wrote ${written.filter((f) => !f.endsWith(MANIFEST_FILE) && !f.endsWith(ENDPOINTS_FILE)).join(', ')}\n` : ''),
    );
  } finally {
    stop?.dispose();
    run?.close();
  }
}
