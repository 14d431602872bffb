import type { Argv, CommandModule } from 'yargs';
import { DESCENT_DEFAULTS } from '../../../core/options.ts';
import { objectiveOptions, type ObjectiveArgs } from '../options/objective.ts';
import { optimizerOptions, type OptimizerArgs } from '../options/descent.ts';

export interface TraceArgs extends ObjectiveArgs, OptimizerArgs {
  x0?: string | string[];
  iters: number;
  gtol: number;
  xtol: number;
  csv?: string;
  png?: string;
  out?: string;
  pngSize: string;
  rows: number;
  backend: string;
}

export const traceCommand: CommandModule<object, TraceArgs> = {
  command: 'trace [fn]',
  describe: 'Follow gradient descent step by step from a few starts: table, CSV and picture of the paths',
  builder: (y) =>
    optimizerOptions(objectiveOptions(y as Argv<object>))
      // Not an array option: yargs would swallow the function name after it (repeats collect
      // anyway). nargs 1 makes yargs take "-3,0" as the value instead of as short flags -3 -, -0.
      .option('x0', { type: 'string', nargs: 1, describe: 'initial guess: "2" in 1-D, "1,2" in 2-D; repeat for several paths' })
      .option('iters', { type: 'number', default: 100, describe: 'iterations at most (a path stops early once converged)' })
      .option('gtol', { type: 'number', default: DESCENT_DEFAULTS.gtol, describe: 'a path stops once ‖∇f‖ ≤ gtol (0: never)' })
      .option('xtol', { type: 'number', default: DESCENT_DEFAULTS.xtol, describe: 'a path stops once a step is ≤ xtol long (0: never)' })
      .option('csv', { type: 'string', describe: 'write every step of every path to this CSV file' })
      .option('png', { type: 'string', describe: 'draw the paths to this PNG file (1-D and 2-D functions)' })
      .option('out', { type: 'string', describe: 'directory for trace.csv and trace.png' })
      .option('png-size', { type: 'string', default: '900x600', describe: 'picture size in pixels, WIDTHxHEIGHT' })
      .option('rows', { type: 'number', default: 5, describe: 'steps shown at each end of a long path in the table' })
      .option('backend', { type: 'string', default: 'cpu', describe: 'tfjs backend (a few points: plain cpu starts fastest)' })
      .example('$0 trace poly1d --x0 2 --x0 -2 --lr 0.01 --png trace.png', 'the ball rolls into the nearest valley')
      .example('$0 trace "x^4 - 3x^2" --box -2,2 --x0 0.1 --lr 0.05 --iters 40', 'a typed formula needs a box')
      .example('$0 trace himmelblau --x0 0,0 --x0 -1,-1 --lr 0.01 --iters 300 --out out/trace', 'two paths over the contours, table, CSV and picture') as unknown as Argv<TraceArgs>,
  handler: async (a) => (await import('./trace-run.ts')).runTrace(a),
};
