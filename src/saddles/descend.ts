import type { Dtype } from '../../core/dtype.ts';
import type { DescentOptions } from '../../core/options.ts';
import type { StartResults } from '../../core/results.ts';
import { tf } from '../../core/tf.ts';
import { fromArray, runStarts } from '../descent/driver.ts';
import { chooseEngine } from '../engines/choose.ts';
import type { Compiled } from '../engines/types.ts';
import type { Objective } from '../objectives/types.ts';

/**
 * The saddle search's two ways of descending, both through the one driver (runStarts) on the
 * engine the map ran: `full` descends points to the end as the map did (same options, same
 * engine, so a point's basin means what it meant on the map); `steps` takes only a few steps of
 * the same optimizer (edge tracking moves brackets along the basin boundary with it).
 */
export interface Descents {
  full(points: Float32Array): Promise<StartResults>;
  steps(points: Float32Array): Promise<StartResults>;
  /** Batches sent and rows they held, for the report. */
  readonly count: { batches: number; rows: number };
  dispose(): void;
}

export interface DescentsRequest {
  objective: Objective;
  d: number;
  descent: DescentOptions;
  dtype: Dtype;
  /** The engine that ran the map (its registry name). */
  engine: string;
  /** Steps per tracking move. */
  steps: number;
  signal?: AbortSignal;
}

export async function makeDescents(req: DescentsRequest): Promise<Descents> {
  const env = { backend: tf.getBackend() };
  const problem = { objective: req.objective, d: req.d, dtype: req.dtype };
  // Gradient flow, whatever the map ran: a line search's long steps cross the ridges the saddles
  // sit on, and tracking resumes descents from where they stopped (a fixed step has no memory;
  // a line search's α and reference value would restart).
  const descent: DescentOptions = { ...req.descent, optimizer: { ...req.descent.optimizer, lineSearch: 'none' } };
  const full = await chooseEngine({ ...problem, descent }, req.engine, env);
  const few = await chooseEngine({ ...problem, descent: { ...descent, maxIter: req.steps } }, req.engine, env);
  const count = { batches: 0, rows: 0 };
  const run = async (c: Compiled, maxIter: number, points: Float32Array) => {
    count.batches++;
    count.rows += points.length / req.d;
    return runStarts(c, fromArray(points, req.d), maxIter, { signal: req.signal });
  };
  return {
    full: (p) => run(full.compiled, descent.maxIter, p),
    steps: (p) => run(few.compiled, req.steps, p),
    count,
    dispose: () => {
      full.compiled.dispose?.();
      few.compiled.dispose?.();
    },
  };
}
