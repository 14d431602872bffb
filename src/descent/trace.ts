import type { DescentOptions } from '../../core/options.ts';
import { statusName, type StatusName } from '../../core/status.ts';
import { tfjsEngine } from '../engines/tfjs.ts';
import type { Objective } from '../objectives/types.ts';
import { fromArray, runStarts } from './driver.ts';

export interface TracePaths {
  /** x[k][t]: where path k is after t steps (t = 0 is its start), for every step it took. */
  x: number[][][];
  /** f at those points. */
  f: number[][];
  /** ‖∇f‖ at those points. */
  gradNorm: number[][];
  /** Why each path ended: the status a map gives the same start (core/rule.ts). */
  stop: StatusName[];
}

/**
 * Every iterate of a few descents, for showing how the ball rolls: the tfjs engine testing the
 * rule at every step (so each path ends exactly where `map` ends the same start) and reading every
 * point back. Fine for a handful of points, too slow for a map.
 */
export async function tracePaths(objective: Objective, x0s: number[][], descent: DescentOptions): Promise<TracePaths> {
  const d = descent.box.length;
  if (x0s.some((p) => p.length !== d)) throw new RangeError(`every start needs ${d} coordinates`);
  const m = x0s.length;
  const out: TracePaths = { x: x0s.map(() => []), f: x0s.map(() => []), gradNorm: x0s.map(() => []), stop: new Array<StatusName>(m).fill('maxiter') };
  const compiled = await tfjsEngine.compile({ objective, d, descent, dtype: 'float32' }, { backend: '' });
  const results = await runStarts(compiled, fromArray(Float32Array.from(x0s.flat()), d), descent.maxIter, { checkEvery: 1, compact: false }, (offset, c) => {
    c.rows.forEach((row, k) => {
      const i = offset + row;
      out.x[i].push(Array.from(c.x.subarray(k * d, (k + 1) * d)));
      out.f[i].push(c.f[k]);
      out.gradNorm[i].push(c.gradNorm[k]);
    });
  });
  out.stop = Array.from(results.status, (s) => statusName(s));
  return out;
}
