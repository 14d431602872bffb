import type { Argv, CommandModule } from 'yargs';
import { RUN_DEFAULTS } from '../../descent/driver.ts';
import { ENGINE_CHOICES, ENGINE_NAMES } from '../../engines/names.ts';
import { SHADE_CHOICES } from '../../plot/shade.ts';
import type { MapArgs } from '../map-setup.ts';
import type { ParamArgs } from '../param-sweep.ts';
import { configOption } from '../options/config.ts';
import { descentOptions } from '../options/descent.ts';
import { formatOption } from '../options/format.ts';
import { objectiveOptions } from '../options/objective.ts';
import { shardOptions } from '../options/shard.ts';
import { checkStartsEarly, startOptions } from '../options/starts.ts';

export type { MapArgs };
export type MapCommandArgs = MapArgs & ParamArgs;

export const mapCommand: CommandModule<object, MapCommandArgs> = {
  command: 'map [fn]',
  describe: 'Descend from many starts and map which start reaches which minimum',
  builder: (y) =>
    // configOption reads the option list when parsing, so it covers options declared after it too.
    shardOptions(configOption(formatOption(descentOptions(startOptions(objectiveOptions(y as Argv<object>))))))
      .option('backend', { type: 'string', describe: 'tfjs backend (default: the fastest available; see `basinmap backends`)' })
      .option('engine', { type: 'string', choices: [...ENGINE_CHOICES, ...ENGINE_NAMES], default: 'auto', describe: 'auto: the fastest engine that compiles the objective here; fused: the backend\'s fused kernel; or an engine by name (`basinmap engines`)' })
      .option('dtype', { type: 'string', choices: ['float32', 'float64'], default: 'float32', describe: 'arithmetic; float64 needs the fused cpu engine' })
      .option('out', { type: 'string', describe: 'directory for summary.json and the per-start files (--format)' })
      .option('json', { type: 'boolean', default: false, describe: 'print summary.json to stdout instead of the table' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress output' })
      .option('timeout', { type: 'number', describe: 'stop (exit 137) when the run makes no progress for this many seconds (a function that never returns)' })
      .option('check-every', { type: 'number', default: RUN_DEFAULTS.checkEvery, describe: 'test termination (and read back) every this many steps' })
      .option('chunk', { type: 'number', describe: 'starts per batch (default: the engine\'s: ~8 MiB per [rows, d] tensor, 64 MiB of starts on native)' })
      .option('compact', { type: 'boolean', default: true, describe: 'drop finished starts from the batch (--no-compact keeps them)' })
      .option('cluster-tol', { type: 'number', describe: 'distance under which end points are one minimum (default: 1e-3 of the box)' })
      .option('png', { type: 'boolean', default: true, describe: 'with --out, also draw basin-map.png when d = 2 or with --slice (--no-png skips it)' })
      .option('refine', { type: 'number', default: 0, describe: '2-D grid maps: re-descend the cells on basin boundaries at 2x resolution, this many rounds (a quadtree); fractions stay by area' })
      .option('shade', { type: 'string', choices: SHADE_CHOICES, default: 'none', describe: 'basin-map.png: nit lightens each start by its iterations (lighter = slower, log scale per basin)' })
      .option('png-size', { type: 'string', default: '900x800', describe: 'size of basin-map.png in pixels, WIDTHxHEIGHT' })
      .option('slice', { type: 'string', describe: 'map the 2-D slice through two axes, e.g. x1,x3: starts form a grid on them (size: --grid or --n)' })
      .option('param', { type: 'string', array: true, describe: 'a formula\'s parameter and its values, NAME=START:STOP:COUNT or NAME=V1,V2,...: every value × every start in one run, with continuation across values (several: a grid)' })
      .option('match-tol', { type: 'number', describe: 'with --param, distance under which minima at consecutive values are one branch (default: 0.1 of the widest box side)' })
      .option('saddles', { type: 'boolean', default: false, describe: 'also find the saddles between the minima (grid starts): saddles.json, disconnectivity.png and × on the map' })
      .option('boundary', { type: 'boolean', describe: 'boundary measures of a grid map (basin entropy, fractal test, uncertainty exponent, box counting, Wada) in summary.json and the table; default: on up to 250,000 grid points (--no-boundary: never)' })
      .option('at', { type: 'string', describe: 'with --slice, the fixed coordinates: one per other axis, e.g. 0,0 (default: the box centre)' })
      .example('$0 map himmelblau', 'the four minima of Himmelblau from a 100 x 100 grid')
      .example('$0 map "(x^2+y-11)^2+(x+y^2-7)^2" --box -5,5 --out out/himmelblau', 'a typed formula, results written to a directory')
      .example('$0 map rastrigin --dim 2 --sampler sobol --n 100000 --lr 0.002', 'Rastrigin from 1e5 Sobol starts') as unknown as Argv<MapCommandArgs>,
  handler: async (a) => {
    // What the arguments alone can refuse is refused before the seconds of loading the run needs.
    checkStartsEarly(a);
    return (await import('./map-run.ts')).runMap(a);
  },
};
