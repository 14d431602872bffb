import { BOX, HIMMELBLAU, LR, starts } from './support/engine-cases.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import type { DescentOptions } from '../../core/options.ts';
import { STATUS, statusName } from '../../core/status.ts';
import { parseExpression } from '../../src/objectives/expression/parse.ts';
import type { OptimizerName } from '../../core/optimizers/index.ts';
import { buildTape } from '../../kernels/ad/build.ts';
import { compileCpu } from '../../kernels/cpu/codegen/compile.ts';
import { runCpu } from '../../kernels/cpu/runtime/run.ts';
import { closeCpuPool } from '../../kernels/cpu/runtime/pool.ts';
import { compareRuns } from './support/compare.ts';
import { descentOptions, runReference } from './support/oracle.ts';

/**
 * Full runs of the fused CPU engine (float32, several unrolls and steps per call) against the
 * reference tfjs engine, for every optimizer. Expected: the same status for every start, nit
 * equal (a difference of one is tolerated for up to 2% of starts: where the tape's and tfjs's
 * gradients round differently, by an ulp, a threshold test can flip an iteration earlier or
 * later), x and fun to float32 rounding of the trajectory. On these cases the trajectories are
 * in fact bit-identical; on non-polynomial objectives with momentum, whose ‖g‖ oscillates around
 * gtol, 1-ulp gradient differences can move nit by several iterations (seen: up to 23 of ~250).
 * The start set mixes converging starts with ones that escape or overflow at once, so every
 * status but 'interrupted' occurs.
 */
const RASTRIGIN = parseExpression('20 + x1^2 - 10*cos(2*pi*x1) + x2^2 - 10*cos(2*pi*x2)').expr;

beforeAll(async () => {
  await useBackend('cpu');
});
afterAll(async () => {
  await closeCpuPool();
});

async function check(expr: typeof HIMMELBLAU, opts: DescentOptions, n: number, engine: { unroll?: number; stepsPerCall?: number } = {}) {
  const x0 = starts(n);
  const kernel = await compileCpu(buildTape(expr, 2), opts, 'float32', engine.unroll);
  const [fused, ref] = await Promise.all([runCpu(kernel, x0, { stepsPerCall: engine.stepsPerCall }), runReference(expr, 2, x0, opts)]);
  const { mismatches, nitOffByOne } = compareRuns(fused, ref, { xAbs: 1e-4, xRel: 1e-4, funAbs: 1e-4 });
  expect(mismatches.slice(0, 5).map((m) => `#${m.i}: ${m.what}`), `${mismatches.length} of ${n} starts differ`).toEqual([]);
  expect(nitOffByOne).toBeLessThanOrEqual(Math.ceil(n / 50));
  return { fused, ref };
}

describe('fused CPU engine vs reference engine, end points', () => {
  for (const name of Object.keys(LR) as OptimizerName[]) {
    it(`${name} on Himmelblau`, async () => {
      const { fused } = await check(HIMMELBLAU, descentOptions(BOX, name, LR[name], { maxIter: 400 }), 64);
      const seen = new Set(Array.from(fused.status, (s) => statusName(s)));
      expect(seen.has('escaped') && seen.has('nonfinite') && seen.has('gtol')).toBe(true);
    });
  }

  it('gd on Rastrigin, maxiter and xtol reached, odd block sizes, unroll 1 and 3', async () => {
    const opts = descentOptions([[-5.12, 5.12], [-5.12, 5.12]], 'gd', 2e-3, { maxIter: 12, gtol: 1e-6, xtol: 1e-6 });
    for (const [unroll, stepsPerCall] of [[1, 7], [3, 64]]) {
      const { fused } = await check(RASTRIGIN, opts, 61, { unroll, stepsPerCall });
      const seen = new Set(Array.from(fused.status, (s) => statusName(s)));
      expect(seen.has('maxiter') && seen.has('xtol')).toBe(true);
    }
  });

  it('gtol = xtol = 0, f evaluated only where starts finish, sin/cos beyond the vector range', async () => {
    // f is provably finite on the escape box, so the kernel leaves f out of the steps; cos(3000·x1)
    // is in f only (round's derivative is 0) and beyond the fast range for |x1| > 4.3, so starts
    // that finish there take the after-loop path for f; the 1e10 start takes the slow step copy.
    const opts = descentOptions(BOX, 'gd', 1e-3, { maxIter: 6, gtol: 0, xtol: 0 });
    const expr = parseExpression('x1^2 + x2^2 + round(cos(3000*x1)) - 10*cos(2*pi*x2)').expr;
    for (const unroll of [1, 4]) {
      const { fused } = await check(expr, opts, 50, { unroll, stepsPerCall: 4 });
      const seen = new Set(Array.from(fused.status, (s) => statusName(s)));
      expect(seen.has('maxiter') && seen.has('escaped')).toBe(true);
      expect(Array.from({ length: 50 }, (_, i) => Math.abs(fused.x[2 * i])).filter((v) => v > 4.3 && v < 50).length).toBeGreaterThan(0);
    }
  });

  it('sense max and bounds clip', async () => {
    const opts = descentOptions(BOX, 'adam', 0.05, { maxIter: 300, sense: 'max', bounds: 'clip' });
    const { fused } = await check(parseExpression('-(x-6)^2 - (y+1)^2 + sin(x)').expr, opts, 40);
    // The maximum is outside the box in x: clipped starts converge on the edge x = 5.
    const onEdge = Array.from({ length: 40 }, (_, i) => i).filter((i) => fused.status[i] === STATUS.gtol.code && fused.x[2 * i] === 5);
    expect(onEdge.length).toBeGreaterThan(10);
  });
});

describe('fused CPU engine, progress', () => {
  it('reports after every call of the kernel, and once more when the block is done', async () => {
    // One block of 16 starts on one thread, 10 steps a call, no tolerance stops anyone early.
    const opts = descentOptions(BOX, 'gd', 1e-3, { maxIter: 100, gtol: 0, xtol: 0 });
    const kernel = await compileCpu(buildTape(HIMMELBLAU, 2), opts);
    const seen: Array<[number, number, number]> = [];
    const x0 = Float32Array.from({ length: 32 }, (_, i) => -2 + i / 8); // ordinary starts inside the box
    await runCpu(kernel, x0, { threads: 1, stepsPerCall: 10, onProgress: (p) => seen.push([p.done, p.live, p.iteration]) });
    // The tenth call ends at t = 100 = maxIter, where every start ends: no report of its own.
    const during = Array.from({ length: 9 }, (_, k): [number, number, number] => [0, 16, 10 * (k + 1)]);
    expect(seen).toEqual([...during, [16, 0, 100]]);
  });
});
