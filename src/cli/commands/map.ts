import type { Argv, CommandModule } from 'yargs';
import { UserError } from '../../../core/errors.ts';
import { hideBin } from 'yargs/helpers';
import { defaultBackend } from '../../backends/registry.ts';
import { ENDPOINTS_FILE } from '../../cluster/endpoints-file.ts';
import { MANIFEST_FILE, recordingSink } from '../../cluster/manifest.ts';
import { partStarts, planPart, writePartRecord } from '../../cluster/run-part.ts';
import { RUN_DEFAULTS } from '../../descent/driver.ts';
import { ENGINE_CHOICES, describeEngine } from '../../engines/choose.ts';
import { engineNames } from '../../engines/registry.ts';
import { openRunDir } from '../../io/run-dir.ts';
import { writeMapOutputs } from '../../io/map-outputs.ts';
import { runMapJob, type MapJob } from '../../job/map-job.ts';
import '../../node/register.ts';
import { basinTable } from '../basin-table.ts';
import { saddleGrid } from '../options/saddles.ts';
import { saddleTable } from '../saddle-table.ts';
import { commandLine } from '../format.ts';
import { prepareMap, type MapArgs } from '../map-setup.ts';
import { runParamSweepCommand, type ParamArgs } from '../param-sweep.ts';
import { gracefulStop } from '../signals.ts';
import { progressReporter } from '../progress.ts';
import { heartbeat, startWatchdog } from '../watchdog.ts';
import { configOption, resolvedConfig } from '../options/config.ts';
import { autoLrLine, descentOptions, suggestionLine } from '../options/descent.ts';
import { formatOption } from '../options/format.ts';
import { objectiveOptions } from '../options/objective.ts';
import { mapChoicesAsOptions } from '../options/resolved.ts';
import { requireOutForShards, shardOptions } from '../options/shard.ts';
import { startOptions } from '../options/starts.ts';

export type { MapArgs };
type MapCommandArgs = MapArgs & ParamArgs;

export const mapCommand: CommandModule<object, MapCommandArgs> = {
  command: 'map [fn]',
  describe: 'Descend from many starts and map which start reaches which minimum',
  builder: (y) =>
    // configOption reads the option list when parsing, so it covers options declared after it too.
    shardOptions(configOption(formatOption(descentOptions(startOptions(objectiveOptions(y as Argv<object>))))))
      .option('backend', { type: 'string', describe: 'tfjs backend (default: the fastest available; see `basinmap backends`)' })
      .option('engine', { type: 'string', choices: [...ENGINE_CHOICES, ...engineNames()], default: 'auto', describe: 'auto: the fastest engine that compiles the objective here; fused: the backend\'s fused kernel; or an engine by name (`basinmap engines`)' })
      .option('dtype', { type: 'string', choices: ['float32', 'float64'], default: 'float32', describe: 'arithmetic; float64 needs the fused cpu engine' })
      .option('out', { type: 'string', describe: 'directory for summary.json and the per-start files (--format)' })
      .option('json', { type: 'boolean', default: false, describe: 'print summary.json to stdout instead of the table' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress output' })
      .option('timeout', { type: 'number', describe: 'stop (exit 137) when the run makes no progress for this many seconds (a function that never returns)' })
      .option('check-every', { type: 'number', default: RUN_DEFAULTS.checkEvery, describe: 'test termination (and read back) every this many steps' })
      .option('chunk', { type: 'number', describe: 'starts per batch (default: ~8 MiB per [rows, d] tensor)' })
      .option('compact', { type: 'boolean', default: true, describe: 'drop finished starts from the batch (--no-compact keeps them)' })
      .option('cluster-tol', { type: 'number', describe: 'distance under which end points are one minimum (default: 1e-3 of the box)' })
      .option('png', { type: 'boolean', default: true, describe: 'with --out, also draw basin-map.png when d = 2 or with --slice (--no-png skips it)' })
      .option('png-size', { type: 'string', default: '900x800', describe: 'size of basin-map.png in pixels, WIDTHxHEIGHT' })
      .option('slice', { type: 'string', describe: 'map the 2-D slice through two axes, e.g. x1,x3: starts form a grid on them (size: --grid or --n)' })
      .option('param', { type: 'string', array: true, describe: 'a formula\'s parameter and its values, NAME=START:STOP:COUNT or NAME=V1,V2,...: every value × every start in one run, with continuation across values (several: a grid)' })
      .option('match-tol', { type: 'number', describe: 'with --param, distance under which minima at consecutive values are one branch (default: 0.1 of the widest box side)' })
      .option('saddles', { type: 'boolean', default: false, describe: 'also find the saddles between the minima (grid starts): saddles.json, disconnectivity.png and × on the map' })
      .option('at', { type: 'string', describe: 'with --slice, the fixed coordinates: one per other axis, e.g. 0,0 (default: the box centre)' })
      .example('$0 map himmelblau', 'the four minima of Himmelblau from a 100 x 100 grid')
      .example('$0 map "(x^2+y-11)^2+(x+y^2-7)^2" --box -5,5 --out out/himmelblau', 'a typed formula, results written to a directory')
      .example('$0 map rastrigin --dim 2 --sampler sobol --n 100000 --lr 0.002', 'Rastrigin from 1e5 Sobol starts') as unknown as Argv<MapCommandArgs>,
  handler: async (a) => {
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
        recordConfig: (backend) => resolvedConfig(a, { ...mapChoicesAsOptions({ backend, chunkRows: control.chunkRows, d, box: setup.box, spec: setup.spec }), optimizer: settled.optimizer, lr: settled.auto ? 'auto' : settled.lr, maxIter: settled.maxIter }),
        stepSize: settled.auto,
        signal: stop.signal,
        onProgress: progress.onProgress,
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
        `${objective.title}, d=${d}, ${starts.describe}; ${o.name} lr=${o.lr}, max ${descent.maxIter} iterations; ` +
          `backend ${r.backend}; ${r.map.seconds.descent.toFixed(2)} s${r.partial ? '; PARTIAL: interrupted' : ''}\n` +
          `engine ${describeEngine({ engine: r.map.engine.name, reason: r.map.engine.reason })}\n` +
          suggestionLine(objective, settled) +
          autoLrLine(settled) +
          '\n' +
          basinTable(r.map.summary, r.known, r.summary.warnings as string[]) + '\n' +
          (r.saddles ? '\n' + saddleTable(r.saddles) + '\n' : '') +
          (written.length > 0 ? `wrote ${written.filter((f) => !f.endsWith(MANIFEST_FILE) && !f.endsWith(ENDPOINTS_FILE)).join(', ')}\n` : ''),
      );
    } finally {
      stop?.dispose();
      run?.close();
    }
  },
};
