import type { Argv } from 'yargs';
import { UserError } from '../../../core/errors.ts';
import { SAMPLER_NAMES, type StartSpec } from '../../starts/types.ts';
import { checkCount } from '../../starts/validate.ts';

export interface StartArgs {
  sampler?: string;
  n?: number;
  grid?: string;
  seed: number;
  startsFile?: string;
  where?: string;
}

export function startOptions<T>(y: Argv<T>): Argv<T & StartArgs> {
  return y
    .option('sampler', { type: 'string', choices: SAMPLER_NAMES.filter((s) => s !== 'file'), describe: 'how starts fill the box (default: grid for d ≤ 2, sobol above)', group: 'Starts:' })
    .option('n', { type: 'number', describe: 'number of starts (default 10000; grid: per-axis counts from n)', group: 'Starts:' })
    .option('grid', { type: 'string', describe: 'grid points per axis: "100" or "100x50"', group: 'Starts:' })
    .option('seed', { type: 'number', default: 0, describe: 'seed of the random samplers (start i depends only on seed and i)', group: 'Starts:' })
    .option('starts-file', { type: 'string', describe: "read starts from a CSV, JSON or .npy file instead, or a run's own starts.csv/.parquet (its x0 columns)", group: 'Starts:' })
    .option('where', { type: 'string', describe: "with a run's starts file: only the rows matching, e.g. status!=converged, status=maxiter|diverged, basin=0", group: 'Starts:' }) as unknown as Argv<T & StartArgs>;
}

export const DEFAULT_STARTS = 10_000;

/**
 * The checks of the starts that need nothing but the arguments, made before the command loads
 * tfjs, the objective or the kernels (seconds): `--n 1e10` is refused at once, with the message
 * the sampler would give. Only where --n is the sampler's count (not a grid's size, a file's or a
 * slice's, which are checked where they are read).
 */
export function checkStartsEarly(a: StartArgs & { slice?: string }): void {
  if (a.n !== undefined && !a.startsFile && a.grid === undefined && a.slice === undefined) checkCount(a.n);
}

export function startSpecFromArgs(a: StartArgs, d: number): StartSpec {
  if (a.where !== undefined && !a.startsFile) throw new UserError(`--where "${a.where}" filters a run's starts file: add --starts-file RUN/starts.csv (or starts.parquet)`);
  if (a.startsFile) return { sampler: 'file', file: a.startsFile, ...(a.where !== undefined ? { where: a.where } : {}) };
  if (a.grid !== undefined) {
    const counts = a.grid.split(/[x,]/).map((s) => Number(s.trim()));
    if (counts.some((c) => !Number.isInteger(c) || c < 1)) throw new UserError(`--grid "${a.grid}" must be whole numbers ≥ 1 like 100 or 100x50`);
    return { sampler: 'grid', gridCounts: counts, seed: a.seed };
  }
  const sampler = (a.sampler ?? (d <= 2 ? 'grid' : 'sobol')) as StartSpec['sampler'];
  const n = a.n ?? DEFAULT_STARTS;
  if (sampler === 'grid' && a.n === undefined) return { sampler, gridCounts: [d === 1 ? 1000 : 100], seed: a.seed };
  return { sampler, n, seed: a.seed };
}
