import type { DescentOptions } from '../../core/options.ts';
import type { StartResults } from '../../core/results.ts';
import { runStarts, type RunControl, type StartRows } from '../../src/descent/driver.ts';
import { tfjsEngine } from '../../src/engines/tfjs.ts';
import type { Objective, ObjectiveFn } from '../../src/objectives/types.ts';

/** A bare tfjs function as an Objective (no expression form, no known points): what a user module is. */
export function objectiveOf(f: ObjectiveFn, d: number, title = 'test function'): Objective {
  return { name: 'test', title, formula: title, dim: d, defaultDim: d, box: () => Array.from({ length: d }, () => [-1, 1] as [number, number]), f, known: () => [], source: 'test' };
}

/** The driver on the tfjs engine, as `map --engine tfjs` runs it. */
export async function descendTfjs(f: ObjectiveFn | Objective, starts: StartRows, descent: DescentOptions, control: Partial<RunControl> = {}): Promise<StartResults> {
  const objective = typeof f === 'function' ? objectiveOf(f, starts.d) : f;
  const compiled = await tfjsEngine.compile({ objective, d: starts.d, descent, dtype: 'float32' }, { backend: '' });
  return runStarts(compiled, starts, descent.maxIter, control);
}
