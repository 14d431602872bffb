import type { StartResults } from '../../core/results.ts';
import { STATUS } from '../../core/status.ts';
import type { Compiled } from '../engines/types.ts';
import { runStarts, type RunControl, type StartRows } from './driver.ts';

/**
 * Rows [from, to) of a start set, numbered from 0: the starts of one shard. Row i is the set's
 * row from + i, so a shard descends exactly the starts the whole sweep would.
 */
export function rangeRows<T extends StartRows>(starts: T, from: number, to: number): StartRows {
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= starts.n)) {
    throw new RangeError(`rangeRows: [${from}, ${to}) is not within [0, ${starts.n})`);
  }
  return { n: to - from, d: starts.d, rows: (i, count) => starts.rows(from + i, count) };
}

/** The starts an interrupted run did not finish (status interrupted): the ones a resume runs again. */
export function unfinished(previous: StartResults): Int32Array {
  const code = STATUS.interrupted.code;
  let m = 0;
  for (let i = 0; i < previous.n; i++) if (previous.status[i] === code) m++;
  const out = new Int32Array(m);
  for (let i = 0, k = 0; i < previous.n; i++) if (previous.status[i] === code) out[k++] = i;
  return out;
}

/**
 * Finishes an interrupted run: descends only the starts `previous` did not finish, and returns
 * every start's results, the finished ones copied from `previous`. A start's result depends only
 * on its own row (engines descend rows independently), so this gives what an uninterrupted run
 * gives.
 */
export async function resumeStarts(compiled: Compiled, starts: StartRows, previous: StartResults, maxIter: number, control: Partial<RunControl> = {}): Promise<StartResults> {
  if (previous.n !== starts.n || previous.d !== starts.d) throw new RangeError(`resumeStarts: previous results hold ${previous.n}×${previous.d}, the starts are ${starts.n}×${starts.d}`);
  const todo = unfinished(previous);
  const out: StartResults = { ...previous, x0: previous.x0.slice(), x: previous.x.slice(), fun: previous.fun.slice(), gradNorm: previous.gradNorm.slice(), nit: previous.nit.slice(), status: previous.status.slice() };
  if (todo.length === 0) return out;
  const r = await runStarts(compiled, pickRows(starts, todo), maxIter, control);
  const { d } = out;
  for (let k = 0; k < todo.length; k++) {
    const i = todo[k];
    out.x0.set(r.x0.subarray(k * d, (k + 1) * d), i * d);
    out.x.set(r.x.subarray(k * d, (k + 1) * d), i * d);
    out.fun[i] = r.fun[k];
    out.gradNorm[i] = r.gradNorm[k];
    out.nit[i] = r.nit[k];
    out.status[i] = r.status[k];
  }
  return out;
}

/** The rows `index` (increasing) of a start set, as a set of their own; runs of consecutive rows are read at once. */
function pickRows(starts: StartRows, index: Int32Array): StartRows {
  const { d } = starts;
  return {
    n: index.length,
    d,
    rows(from, count) {
      const out = new Float32Array(count * d);
      for (let k = from; k < from + count; ) {
        let run = 1;
        while (k + run < from + count && index[k + run] === index[k] + run) run++;
        out.set(starts.rows(index[k], run), (k - from) * d);
        k += run;
      }
      return out;
    },
  };
}
