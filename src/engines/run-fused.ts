import type { FusedRunner } from '../../kernels/index.ts';
import { defaultChunkRows, type RunControl, type StartRows } from '../descent/run.ts';
import { allocateResults } from '../descent/results.ts';
import { STATUS } from '../descent/status.ts';
import type { StartResults } from '../descent/types.ts';

/**
 * Runs every start through a compiled fused kernel, chunk by chunk. Within a chunk the engine
 * reports progress and honours Ctrl-C between its calls (CPU) or dispatches (WebGPU).
 */
export async function runFusedChunks(runner: FusedRunner, starts: StartRows, maxIter: number, control: Partial<RunControl>): Promise<StartResults> {
  const { n, d } = starts;
  const out = allocateResults(n, d);
  const chunkRows = control.chunkRows ?? defaultChunkRows(d);
  let done = 0;
  const chunks = Math.ceil(n / chunkRows);
  for (let c = 0; c < chunks; c++) {
    const from = c * chunkRows;
    const count = Math.min(chunkRows, n - from);
    const x0 = starts.rows(from, count);
    out.x0.set(x0, from * d);
    if (control.signal?.aborted) {
      out.x.set(x0, from * d);
      out.fun.fill(NaN, from, from + count);
      out.gradNorm.fill(NaN, from, from + count);
      out.status.fill(STATUS.interrupted.code, from, from + count);
      continue;
    }
    const r = await runner.run(x0, {
      signal: control.signal,
      onProgress: control.onProgress && ((p) => control.onProgress!({ done: done + p.done, n, live: p.live, iteration: p.iteration, maxIter, chunk: c, chunks })),
    });
    out.x.set(r.x, from * d);
    out.fun.set(r.fun, from);
    out.gradNorm.set(r.gradNorm, from);
    out.nit.set(r.nit, from);
    out.status.set(r.status, from);
    done += count;
    control.onProgress?.({ done, n, live: 0, iteration: maxIter, maxIter, chunk: c, chunks });
  }
  return out;
}
