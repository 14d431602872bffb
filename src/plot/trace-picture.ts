import type { TracePaths } from '../descent/trace.ts';
import type { Box, Objective } from '../objectives/types.ts';
import type { OptimizerSpec } from '../../core/optimizers/index.ts';
import { sampleCurve, sampleField } from './field.ts';
import { formatOptimizer } from './format.ts';
import { planeOf } from './plane.ts';
import { traceRange, type TracePlotInput } from './trace-plot.ts';

export interface TracePictureRequest {
  objective: Objective;
  box: Box;
  paths: TracePaths;
  optimizer: OptimizerSpec;
  iters: number;
  size?: { width: number; height: number };
}

/** What trace.png (and the explore page's demo) draws for 1-D or 2-D paths: f sampled over the plotted range, titles. */
export async function traceInput(req: TracePictureRequest): Promise<TracePlotInput> {
  const range = traceRange(req.box, req.paths);
  const d = range.length;
  if (d > 2) throw new RangeError(`a trace picture is 1-D or 2-D, got d = ${d}`);
  // 600 points put a curve vertex every ~1 px; 200 × 200 keep 2-D contours smooth.
  const curve = d === 1 ? await sampleCurve(req.objective.f, range[0], 600) : undefined;
  const field = d === 2 ? await sampleField(req.objective.f, planeOf(range as Box), 200, 200) : undefined;
  const o = req.optimizer;
  // A typed formula is already the title.
  const formula = req.objective.formula === req.objective.title ? '' : `${d === 1 ? 'f(x)' : 'f'} = ${req.objective.formula}; `;
  return {
    paths: req.paths,
    range,
    curve,
    field,
    title: `${req.objective.title}: gradient descent, step by step`,
    subtitle: `${formula}${formatOptimizer(o)}, at most ${req.iters} iterations`,
    ...req.size,
  };
}
