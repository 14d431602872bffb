import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { probeBackend, defaultBackend, useBackend } from '../../backends/registry.ts';
import { matchKnown } from '../../basins/match-known.ts';
import { RUN_DEFAULTS, defaultChunkRows } from '../../descent/run.ts';
import { UserError } from '../../errors.ts';
import { prepareOutputDir, writeFileAtomic } from '../../io/atomic.ts';
import { startsCsv } from '../../io/starts-csv.ts';
import { summaryDocument } from '../../io/summary-json.ts';
import { mapBasins } from '../../map.ts';
import { resolveObjective } from '../../objectives/resolve.ts';
import { makeStartSet } from '../../starts/index.ts';
import { basinTable } from '../basin-table.ts';
import { progressReporter } from '../progress.ts';
import { descentFromArgs, descentOptions, type DescentArgs } from '../options/descent.ts';
import { objectiveOptions, type ObjectiveArgs } from '../options/objective.ts';
import { startOptions, startSpecFromArgs, type StartArgs } from '../options/starts.ts';

interface MapArgs extends ObjectiveArgs, DescentArgs, StartArgs {
  backend?: string;
  out?: string;
  json: boolean;
  quiet: boolean;
  checkEvery: number;
  chunk?: number;
  compact: boolean;
  clusterTol?: number;
}

export const mapCommand: CommandModule<object, MapArgs> = {
  command: 'map [fn]',
  describe: 'Descend from many starts and map which start reaches which minimum',
  builder: (y) =>
    descentOptions(startOptions(objectiveOptions(y as Argv<object>)))
      .option('backend', { type: 'string', describe: 'tfjs backend (default: the fastest available; see `basinmap backends`)' })
      .option('out', { type: 'string', describe: 'directory for summary.json and starts.csv' })
      .option('json', { type: 'boolean', default: false, describe: 'print summary.json to stdout instead of the table' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress output' })
      .option('check-every', { type: 'number', default: RUN_DEFAULTS.checkEvery, describe: 'test termination (and read back) every this many steps' })
      .option('chunk', { type: 'number', describe: 'starts per batch (default: ~8 MiB per [rows, d] tensor)' })
      .option('compact', { type: 'boolean', default: true, describe: 'drop finished starts from the batch (--no-compact keeps them)' })
      .option('cluster-tol', { type: 'number', describe: 'distance under which end points are one minimum (default: 1e-3 of the box)' })
      .example('$0 map himmelblau', 'the four minima of Himmelblau from a 100 x 100 grid')
      .example('$0 map "(x^2+y-11)^2+(x+y^2-7)^2" --box -5,5 --out out/himmelblau', 'a typed formula, results written to a directory')
      .example('$0 map rastrigin --dim 2 --sampler sobol --n 100000 --lr 0.002', 'Rastrigin from 1e5 Sobol starts') as unknown as Argv<MapArgs>,
  handler: async (a) => {
    const { objective, d, box } = await resolveObjective({ fn: a.fn, module: a.objective, dim: a.dim, box: a.box });
    const descent = descentFromArgs(a, box);
    if (!(Number.isInteger(a.checkEvery) && a.checkEvery >= 1)) throw new UserError(`--check-every must be a whole number ≥ 1, got ${a.checkEvery}`);
    if (a.chunk !== undefined && !(Number.isInteger(a.chunk) && a.chunk >= 1)) throw new UserError(`--chunk must be a whole number ≥ 1, got ${a.chunk}`);
    if (a.clusterTol !== undefined && !(a.clusterTol > 0)) throw new UserError(`--cluster-tol must be > 0, got ${a.clusterTol}`);
    const spec = startSpecFromArgs(a, d);
    const starts = await makeStartSet(spec, box);
    if (starts.d !== d) throw new UserError(`the starts have ${starts.d} columns but ${objective.title} is ${d}-dimensional: fix the file or --dim`);
    if (a.out) prepareOutputDir(a.out);

    const backend = a.backend ?? (await defaultBackend());
    await useBackend(backend);
    const probe = await probeBackend(backend);
    const control = { checkEvery: a.checkEvery, chunkRows: a.chunk ?? defaultChunkRows(d), compact: a.compact };
    const progress = progressReporter({ quiet: a.quiet || a.json });
    const result = await mapBasins({ objective, starts, descent, control: { ...control, onProgress: progress.onProgress }, clusterDistance: a.clusterTol });
    progress.done();

    const known = matchKnown(result.summary.basins, objective.known(d), result.summary.tolerances.distance);
    const doc = summaryDocument(result.summary, {
      objective, d, box, descent, control,
      starts: { describe: starts.describe, spec },
      backend: { name: backend, probe },
      seconds: result.seconds,
      known,
    });
    if (a.out) {
      writeFileAtomic(join(a.out, 'starts.csv'), startsCsv(result.results, result.summary.assignment));
      writeFileAtomic(join(a.out, 'summary.json'), JSON.stringify(doc, null, 2) + '\n');
    }
    if (a.json) {
      process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
      return;
    }
    const o = descent.optimizer;
    process.stdout.write(
      `${objective.title}, d=${d}, ${starts.describe}; ${o.name} lr=${o.lr}, max ${descent.maxIter} iterations; ` +
        `backend ${backend}; ${result.seconds.descent.toFixed(2)} s\n\n` +
        basinTable(result.summary, known) + '\n' +
        (a.out ? `wrote ${join(a.out, 'summary.json')} and ${join(a.out, 'starts.csv')}\n` : ''),
    );
  },
};
