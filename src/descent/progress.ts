/** What the driver reports while it runs; the CLI turns it into a progress bar. */
export interface Progress {
  /** Starts finished (any status) so far, over all chunks. */
  done: number;
  n: number;
  /** Starts still descending in the current chunk. */
  live: number;
  /** Iteration reached in the current chunk. */
  iteration: number;
  maxIter: number;
  chunk: number;
  chunks: number;
}

export type ProgressCallback = (p: Progress) => void;
