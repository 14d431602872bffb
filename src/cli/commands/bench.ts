import type { Argv, CommandModule } from 'yargs';
import { SUITES } from '../../bench/suites.ts';
import { WORKLOAD_NAMES } from '../../bench/workload-names.ts';

export interface BenchArgs {
  suite: string;
  backends?: string;
  sizes?: string;
  workloads?: string;
  repeats?: number;
  steps?: number;
  budget?: number;
  peers: boolean;
  json?: string;
  chart?: string;
  compare?: string[];
  from?: string;
  quiet: boolean;
}

export const benchCommand: CommandModule<object, BenchArgs> = {
  command: 'bench [suite]',
  describe: 'Measure throughput across backends, batch sizes and workloads (or --compare two runs)',
  builder: (y) =>
    (y as Argv<object>)
      .positional('suite', { type: 'string', default: 'standard', choices: Object.keys(SUITES), describe: 'named set of defaults' })
      .option('backends', { type: 'string', describe: 'comma-separated tfjs backends and fused-cpu / fused-native / fused-native-fast / fused-webgpu (the fused kernels) (default: every available backend that is not a software GPU, fused-cpu, and fused-native where a C compiler is; fused-native-fast only when named)' })
      .option('sizes', { type: 'string', describe: 'batch sizes, e.g. 1e2,1e4,1e6 (≤ 1e7; default: the suite\'s)' })
      .option('workloads', { type: 'string', describe: `comma-separated, of: ${WORKLOAD_NAMES.join(', ')}` })
      .option('repeats', { type: 'number', describe: 'timed runs per cell, after one warm-up run' })
      .option('steps', { type: 'number', describe: 'steps of the fixed-step workloads (default 100)' })
      .option('budget', { type: 'number', describe: 'seconds one cell may take; larger sizes are skipped once one would exceed it' })
      .option('peers', { type: 'boolean', default: false, describe: 'also run the NumPy/PyTorch/JAX peers of the headline workload ($BASINMAP_PYTHON or /usr/bin/python3)' })
      .option('json', { type: 'string', describe: 'write every figure and the machine description to this file' })
      .option('chart', { type: 'string', describe: 'write a PNG of throughput against batch size (log-log, one line per backend)' })
      .option('compare', { type: 'string', array: true, describe: 'compare two --json files: --compare before.json after.json' })
      .option('from', { type: 'string', describe: 'measure nothing: print the table (and --chart) of an earlier --json file' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress lines on stderr' })
      .example('$0 bench --sizes 1e2,1e4,1e6 --backends cpu,wasm --json out.json --chart out.png', 'the standard suite on two backends')
      .example('$0 bench headline --peers', 'Rastrigin 2-D up to 1e7 starts, against NumPy, PyTorch and JAX')
      .example('$0 bench --from out.json --chart out.png', 'redraw the table and chart of an earlier run')
      .example('$0 bench --compare before.json after.json', 'cell-by-cell ratios, changes beyond the noise flagged') as unknown as Argv<BenchArgs>,
  handler: async (a) => (await import('./bench-run.ts')).runBenchCommand(a),
};
