import { BOX, HIMMELBLAU, LR, starts } from './support/engine-cases.ts';
import { beforeAll, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { statusName } from '../../core/status.ts';
import type { OptimizerName } from '../../core/optimizers/index.ts';
import { tf } from '../../core/tf.ts';
import { buildTape } from '../../kernels/ad/build.ts';
import { compileWebGPU, maxRowsPerDispatch, runWebGPU, runWebGPUTensors } from '../../kernels/webgpu/engine.ts';
import { compareRuns } from './support/compare.ts';
import { descentOptions, runReference } from './support/oracle.ts';
import { describeWebGPU } from './support/webgpu.ts';

/**
 * Full runs of the WGSL engine against the reference engine (on tfjs's cpu backend), for every
 * optimizer: same statuses; x, fun and nit as close as float32 dynamics allow. Unlike wasm, WGSL
 * lets the driver fuse a·b + c into one rounding (llvmpipe does), so trajectories are not bit
 * for bit the reference's; where the dynamics amplify ulps, the ends differ accordingly:
 * momentum's ‖g‖ oscillates around gtol, so nit may move by a few percent (seen: 10 of ~250);
 * rmsprop with a fixed lr circles a minimum at amplitude ~lr until maxiter, so x is compared to
 * 2·lr. adam's and adagrad's normalised steps stay near an ulp of x close to a minimum, so which
 * of gtol and the float32-move test (xtol) fires first, and when, moves with those ulps too.
 * Everything else is held to the CPU test's tolerances.
 */

describeWebGPU('fused WGSL engine vs reference engine, end points', () => {
  beforeAll(async () => {
    await useBackend('webgpu');
  });
  for (const name of Object.keys(LR) as OptimizerName[]) {
    it(`${name} on Himmelblau`, async () => {
      const opts = descentOptions(BOX, name, LR[name], { maxIter: 400 });
      const x0 = starts(64);
      await useBackend('cpu');
      const ref = await runReference(HIMMELBLAU, 2, x0, opts);
      await useBackend('webgpu');
      const fused = await runWebGPU(compileWebGPU(buildTape(HIMMELBLAU, 2), opts), x0, { stepsPerCall: 100 });
      const chaotic = name === 'momentum' || name === 'rmsprop';
      const normalised = name === 'adam' || name === 'adagrad';
      const tol = chaotic
        ? { xAbs: 2 * LR[name], xRel: 1e-4, funAbs: 0.05, nitRel: 0.05 }
        : normalised
          ? { xAbs: 1e-4, xRel: 1e-4, funAbs: 1e-4, nitRel: 0.1, convergedAlike: true }
          : { xAbs: 1e-4, xRel: 1e-4, funAbs: 1e-4 };
      const { mismatches, nitOffByOne } = compareRuns(fused, ref, tol);
      expect(mismatches.slice(0, 5).map((m) => `#${m.i}: ${m.what}`), `${mismatches.length} of 64 differ`).toEqual([]);
      expect(nitOffByOne).toBeLessThanOrEqual(chaotic || normalised ? 8 : 2);
      const seen = new Set(Array.from(fused.status, (s) => statusName(s)));
      expect(seen.has('escaped') && seen.has('nonfinite') && seen.has('gtol')).toBe(true);
    });
  }

  it('keeps inputs and outputs as tensors on the GPU', async () => {
    const opts = descentOptions(BOX, 'gd', 0.01, { maxIter: 200 });
    const x0 = tf.tensor2d(starts(16), [16, 2]);
    const before = tf.memory().numTensors;
    const r = await runWebGPUTensors(compileWebGPU(buildTape(HIMMELBLAU, 2), opts), x0);
    expect(tf.memory().numTensors - before).toBe(5);
    expect(r.x.shape).toEqual([16, 2]);
    expect(Array.from(await r.status.data()).slice(0, 3)).toEqual([4, 3, 0]);
    tf.dispose([x0, ...Object.values(r)]);
  });

  it('stops between dispatches when its signal aborts: unfinished starts come back interrupted, where they are', async () => {
    const opts = descentOptions(BOX, 'gd', 0.01, { maxIter: 400 });
    const x0 = starts(64);
    const kernel = compileWebGPU(buildTape(HIMMELBLAU, 2), opts);
    const full = await runWebGPU(kernel, x0, { stepsPerCall: 5 });
    // Aborted from the progress report of the first dispatch: the engine checks the signal before
    // each dispatch, so exactly one ran, whatever else the machine is doing (a timer was flaky).
    const ctl = new AbortController();
    const cut = await runWebGPU(kernel, x0, { stepsPerCall: 5, signal: ctl.signal, onProgress: () => ctl.abort() });
    let interrupted = 0;
    for (let i = 0; i < 64; i++) {
      if (full.nit[i] < 5) {
        expect([statusName(cut.status[i]), cut.nit[i]]).toEqual([statusName(full.status[i]), full.nit[i]]);
      } else {
        interrupted++;
        expect([statusName(cut.status[i]), cut.nit[i], cut.fun[i]]).toEqual(['interrupted', 5, NaN]);
        // Where the start was after 5 steps: on its way from x0, not at x0 and not at the end.
        expect(cut.x[2 * i]).not.toBe(x0[2 * i]);
      }
    }
    expect(interrupted).toBeGreaterThan(10);

    const before = new AbortController();
    before.abort();
    const none = await runWebGPU(kernel, x0, { stepsPerCall: 5, signal: before.signal });
    expect(new Set(Array.from(none.status, (c) => statusName(c)))).toEqual(new Set(['interrupted']));
    expect(Array.from(none.x)).toEqual(Array.from(x0));
  });

  it('reports progress after every dispatch', async () => {
    const opts = descentOptions(BOX, 'gd', 1e-3, { maxIter: 100, gtol: 0, xtol: 0 });
    const seen: Array<[number, number, number]> = [];
    const x0 = Float32Array.from({ length: 32 }, (_, i) => -2 + i / 8); // ordinary starts inside the box
    await runWebGPU(compileWebGPU(buildTape(HIMMELBLAU, 2), opts), x0, { stepsPerCall: 10, onProgress: (p) => seen.push([p.done, p.live, p.iteration]) });
    // Ten dispatches of 10 steps, then one for iteration 100, where every start ends (maxiter).
    const during = Array.from({ length: 10 }, (_, k): [number, number, number] => [0, 16, 10 * (k + 1)]);
    expect(seen).toEqual([...during, [16, 0, 100]]);
  });

  it('runs a batch larger than the device can bind in slices of rows, with the same results', async () => {
    // The state of a start is `columns` float32s; a storage binding holds maxStorageBufferBindingSize bytes.
    const kernel = compileWebGPU(buildTape(HIMMELBLAU, 2), descentOptions(BOX, 'adam', 0.05, { maxIter: 150 }));
    const limits = (tf.backend() as unknown as { device: { limits: { maxStorageBufferBindingSize: number; maxBufferSize: number } } }).device.limits;
    expect(maxRowsPerDispatch(kernel.layout.columns)).toBe(Math.floor(Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize) / (4 * kernel.layout.columns)));
    const x0 = tf.tensor2d(starts(40), [40, 2]);
    // One dispatch per run (150 steps < 1000 a dispatch), so one progress report per slice.
    const reports = { whole: 0, sliced: 0 };
    const whole = await runWebGPUTensors(kernel, x0, { stepsPerCall: 1000, onProgress: () => reports.whole++ });
    const sliced = await runWebGPUTensors(kernel, x0, { stepsPerCall: 1000, onProgress: () => reports.sliced++ }, 7);
    expect(reports).toEqual({ whole: 1, sliced: 6 });
    for (const k of ['x', 'fun', 'gradNorm', 'nit', 'status'] as const) {
      expect(Array.from(await sliced[k].data()), k).toEqual(Array.from(await whole[k].data()));
    }
    tf.dispose([x0, ...Object.values(whole), ...Object.values(sliced)]);
  });
});
