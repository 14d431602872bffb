import type { Argv } from 'yargs';

export interface ObjectiveArgs {
  fn?: string;
  objective?: string;
  dim?: number;
  box?: string;
}

export function objectiveOptions<T>(y: Argv<T>): Argv<T & ObjectiveArgs> {
  return y
    .positional('fn', { type: 'string', describe: 'library function name (see `basinmap functions`) or a formula in x, y, z or x1..xd' })
    .option('objective', { type: 'string', describe: 'path of a .ts/.js module exporting an objective built from tfjs ops' })
    .option('dim', { type: 'number', describe: 'dimension, for functions defined for any d' })
    .option('box', { type: 'string', requiresArg: true, describe: 'search box: "lo,hi" for every axis, or "lo1,hi1,lo2,hi2,..."' }) as Argv<T & ObjectiveArgs>;
}
