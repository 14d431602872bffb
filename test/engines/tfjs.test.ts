import { expect, it } from 'vitest';
import { tf, type Tensor2D, type Tensor1D } from '../../core/tf.ts';
import { fromArray } from '../../src/descent/driver.ts';
import { descendTfjs as descend } from '../support/descend.ts';
import { DESCENT_DEFAULTS, type DescentOptions } from '../../core/options.ts';
import { STATUS } from '../../core/status.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { col } from '../../src/objectives/columns.ts';
import { describeEachBackend } from '../support/backends.ts';

// f(x) = x^4 - 4x^2 + x: the "ball rolls into the nearest valley" curve. Its critical points
// (roots of 4x^3 - 8x + 1, double precision Newton):
const LOCAL_MIN = 1.3469974085277738;
const GLOBAL_MIN = -1.47299760111403;
const poly = (x: Tensor2D) => tf.tidy(() => {
  const v = col(x, 0);
  return tf.add(tf.sub(tf.pow(v, 4), tf.mul(tf.square(v), 4)), v) as Tensor1D;
});
const bowl = (x: Tensor2D) => tf.sum(tf.square(x), 1) as Tensor1D;

function options(over: Partial<DescentOptions> = {}): DescentOptions {
  return { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.01 }), box: [[-3, 3]], sense: 'min', ...over };
}

describeEachBackend('batched descent', () => {
  it('rolls from x0 = 2 into the local minimum and from x0 = -2 into the global one', async () => {
    const r = await descend(poly, fromArray(new Float32Array([2, -2]), 1), options());
    // gtol 1e-4 on |f'| with f'' ≈ 13.8 and 18.0 at these minima: |x - x*| ≤ 1e-4 / 13.8 ≈ 7e-6.
    expect(r.x[0]).toBeCloseTo(LOCAL_MIN, 4);
    expect(r.x[1]).toBeCloseTo(GLOBAL_MIN, 4);
    expect(Array.from(r.status)).toEqual([STATUS.gtol.code, STATUS.gtol.code]);
    expect(r.fun[1]).toBeLessThan(r.fun[0]);
  });

  it('climbs to the local maximum with --maximize and reports the user\'s f', async () => {
    const r = await descend(poly, fromArray(new Float32Array([0.5]), 1), options({ sense: 'max' }));
    // f'(x) = 4x^3 - 8x + 1 = 0 at 0.126000 is the local maximum.
    expect(r.x[0]).toBeCloseTo(0.1260001925862561, 4);
    expect(r.fun[0]).toBeCloseTo(0.06274804737614482, 5);
  });

  it('marks a start that blows up as diverged without spoiling the others', async () => {
    // lr 1.5 on x^2 multiplies x by -2 each step: the far start escapes, the start at 0 is already converged.
    const r = await descend(bowl, fromArray(new Float32Array([1, 1, 0, 0]), 2), options({ optimizer: optimizerSpec('gd', { lr: 1.5 }), box: [[-1, 1], [-1, 1]] }));
    expect(r.status[0]).toBe(STATUS.escaped.code);
    expect(r.status[1]).toBe(STATUS.gtol.code);
    expect(Array.from(r.x.subarray(2))).toEqual([0, 0]);
  });

  it('marks non-finite objective values as diverged', async () => {
    const logf = (x: Tensor2D) => tf.neg(tf.log(col(x, 0))) as Tensor1D; // descends towards +inf, NaN below 0
    const r = await descend(logf, fromArray(new Float32Array([-1, 2]), 1), options({ box: [[-1e9, 1e9]], maxIter: 20 }));
    expect(r.status[0]).toBe(STATUS.nonfinite.code);
    expect(r.status[1]).toBe(STATUS.maxiter.code);
    expect(r.nit[1]).toBe(20);
  });

  it('stops at max iterations with status maxiter and nit = maxIter', async () => {
    const r = await descend(bowl, fromArray(new Float32Array([2, 2]), 2), options({ maxIter: 7, box: [[-3, 3], [-3, 3]] }));
    expect(r.status[0]).toBe(STATUS.maxiter.code);
    expect(r.nit[0]).toBe(7);
    // Seven steps of x ← 0.98 x.
    expect(r.x[0]).toBeCloseTo(2 * 0.98 ** 7, 5);
  });

  it('gives the same results with and without compaction, and across chunk sizes', async () => {
    const n = 600;
    const x0 = Float32Array.from({ length: n }, (_, i) => -2.5 + (5 * i) / (n - 1));
    const base = await descend(poly, fromArray(x0, 1), options(), { compact: false });
    for (const control of [{ compact: true }, { compact: true, chunkRows: 128 }, { compact: false, chunkRows: 77 }]) {
      const other = await descend(poly, fromArray(x0, 1), options(), control);
      // Rows are computed independently and elementwise, so moving them between batches is exact.
      expect(other.x).toEqual(base.x);
      expect(other.nit).toEqual(base.nit);
      expect(other.status).toEqual(base.status);
      expect(other.x0).toEqual(x0);
    }
  });

  it('reports exact iteration counts with checkEvery 1', async () => {
    // gd on x^2 from 1 with lr 0.25: x_t = 0.5^t, gradient 2·0.5^t ≤ 1e-4 first at t = 15.
    const r = await descend(bowl, fromArray(new Float32Array([1, 0]), 2), options({ optimizer: optimizerSpec('gd', { lr: 0.25 }), box: [[-2, 2], [-2, 2]] }), { checkEvery: 1 });
    expect(r.nit[0]).toBe(15);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await descend(poly, fromArray(Float32Array.from({ length: 300 }, (_, i) => -2 + i / 75), 1), options({ optimizer: optimizerSpec('adam', { lr: 0.05 }) }), { chunkRows: 64 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops at the next check when aborted and marks the rest interrupted', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const r = await descend(bowl, fromArray(new Float32Array(20).fill(1), 2), options({ box: [[-3, 3], [-3, 3]] }), { signal: ctl.signal, chunkRows: 4 });
    expect(Array.from(r.status).every((s) => s === STATUS.interrupted.code)).toBe(true);
    expect(r.x0[19]).toBe(1);
  });
});
