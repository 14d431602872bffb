import { tf } from '../../core/tf.ts';
import { defaultChunkRows, RUN_DEFAULTS } from '../descent/driver.ts';
import { kernelsPerBareStep } from './bare-loop.ts';
import type { Cell } from './report.ts';
import { isEngineRow } from './engines.ts';
import { spreadOf } from './stats.ts';
import type { PreparedWorkload, Workload } from './workloads.ts';

/**
 * Steps of the short profiled run that gives peak tensor memory and the driver's kernels per step:
 * two check intervals, so checks are counted in their true proportion. Memory does not grow with
 * steps (every step disposes the last), so a short run of the full batch reaches the same peak.
 */
const PROFILE_STEPS = 2 * RUN_DEFAULTS.checkEvery;

/**
 * Measures one workload × backend × size on the active backend: one warm-up run (reported on its
 * own), `repeats` timed runs, one bare step under tf.profile for the kernel count, and one short
 * profiled run for peak tensor memory. Throws only on a bug; a failing run becomes a 'failed' cell.
 */
export async function measureCell(w: Workload, p: PreparedWorkload, backend: string, repeats: number): Promise<Cell> {
  const base: Cell = { workload: w.name, backend, n: p.n, steps: p.steps, status: 'ok' };
  let peakRss = process.memoryUsage.rss();
  const onSample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  };
  try {
    const warm = await p.run({ backend, onSample });
    const runs = [];
    for (let r = 0; r < repeats; r++) runs.push(await p.run({ backend, onSample }));
    onSample();

    // A fused row dispatches no tfjs kernels per step (cpu) or one per K steps (webgpu): its
    // own profiled run says how many, whereas a bare tfjs step would describe another engine.
    const fused = isEngineRow(backend);
    const profileSteps = Math.min(PROFILE_STEPS, p.steps);
    const info = await tf.profile(async () => {
      await p.run({ backend, onSample, maxSteps: profileSteps });
      return [];
    });
    const chunks = Math.ceil(p.n / defaultChunkRows(w.d));
    const kernelsPerStep = fused ? info.kernels.length / profileSteps : await kernelsPerBareStep(w.objective().f, w.d, w.optimizer);

    const seconds = spreadOf(runs.map((r) => r.seconds));
    const throughput = spreadOf(runs.map((r) => r.pointIterations / r.seconds));
    const medianRun = runs.find((r) => r.seconds === seconds.median) ?? runs[Math.floor(runs.length / 2)];
    // Steps the whole batch took: fixed, or for the map the mean iterations per start.
    const steps = w.fixedSteps ? p.steps : medianRun.pointIterations / p.n;
    return {
      ...base,
      steps,
      pointIterationsPerSecond: throughput,
      seconds,
      secondsPerStep: seconds.median / steps,
      warmupSeconds: warm.seconds,
      kernelsPerStep,
      kernelsPerStepAmortised: info.kernels.length / (profileSteps * chunks),
      peakRssBytes: peakRss,
      peakTensorBytes: info.peakBytes,
      ...(medianRun.map ? { map: medianRun.map } : {}),
    };
  } catch (e) {
    return { ...base, status: 'failed', reason: (e as Error).message.split('\n')[0] };
  }
}
