export const SAMPLER_NAMES = ['grid', 'uniform', 'lhs', 'sobol', 'halton', 'file'] as const;
export type SamplerName = (typeof SAMPLER_NAMES)[number];

export interface StartSpec {
  sampler: SamplerName;
  /** Number of starts. Required except for grid (given by gridCounts) and file (given by the file). */
  n?: number;
  /** Grid points per axis: one entry per axis, or a single entry used for every axis. */
  gridCounts?: number[];
  /** Integer; omitted means 0. For sobol and halton, 0 means the plain published sequence. */
  seed?: number;
  /** Path of a CSV, JSON or .npy file of starts, or a run's starts.csv/.parquet (sampler 'file'). */
  file?: string;
  /** A run's starts table only: which rows to run again, e.g. "status!=converged" (starts/where.ts). */
  where?: string;
}

export interface StartSet {
  n: number;
  d: number;
  /**
   * Rows [from, from + count) as a row-major [count, d] array. Row i depends only on the spec, the
   * box and i, so a sweep split across machines reproduces the rows of the whole set exactly.
   */
  rows(from: number, count: number): Float32Array;
  /** One line for logs and reports: sampler, size and the choices made on the user's behalf. */
  describe: string;
  /** File starts only: how many rows lie outside the box (they are kept, not clipped). */
  outOfBox?: number;
}
