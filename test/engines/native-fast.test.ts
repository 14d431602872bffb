import { beforeAll, expect, it } from 'vitest';
import { DESCENT_DEFAULTS, type DescentOptions } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import type { StartResults } from '../../core/results.ts';
import { useBackend } from '../../src/backends/registry.ts';
import type { BasinSummary } from '../../src/basins/types.ts';
import { fromArray, runStarts } from '../../src/descent/driver.ts';
import { chooseEngine } from '../../src/engines/choose.ts';
import { mapBasins } from '../../src/map.ts';
import '../../src/node/register.ts';
import { findLibraryFunction } from '../../src/objectives/library/index.ts';
import { sampleStarts } from '../../src/starts/sample.ts';
import { bitDifferences, describeNative } from '../kernels/support/native.ts';

/**
 * native-fast (fused multiply-adds, two-part sin/cos reductions) against exact native: the same
 * basins on the 2-D reference functions (the functions of shared/reference/stationary-points-2d.json,
 * and Rastrigin for the sine kernel), counts within 2% of the starts, as the table test allows
 * float64 and WGSL against tfjs; and each start's result its own: it does not depend on the
 * other starts of its vector or chunk (so shards of a sweep agree within this engine).
 */
const FUNCTIONS = ['himmelblau', 'six-hump-camel', 'styblinski-tang', 'branin', 'beale', 'booth', 'rosenbrock', 'rastrigin'];
const GRID = 24;
// A start on a basin boundary may go the other way when one rounding changes: 2% of the starts,
// the tolerance test/engines/table.test.ts gives every engine that is not bit-identical.
const COUNT_TOLERANCE = Math.ceil(0.02 * GRID * GRID);

function adam(box: Array<[number, number]>): DescentOptions {
  return { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('adam', { lr: 0.05 }), box, sense: 'min', gtol: 1e-4, maxIter: 3000 };
}

beforeAll(async () => {
  await useBackend('cpu');
});

/** The basin of `b` in `other` whose point is within the clustering distance, or undefined. */
function match(b: BasinSummary['basins'][number], other: BasinSummary) {
  return other.basins.find((o) => o.kind === b.kind && o.x.every((v, j) => Math.abs(v - b.x[j]) <= other.tolerances.distance));
}

describeNative('native-fast against native', () => {
  it.each(FUNCTIONS)('%s: the same basins, counts within 2% of the starts', async (fn) => {
    const o = findLibraryFunction(fn)!;
    const box = o.box(2);
    const starts = sampleStarts({ sampler: 'grid', gridCounts: [GRID] }, box);
    const [exact, fast] = await Promise.all(['native', 'native-fast'].map((engine) => mapBasins({ objective: o, starts, descent: adam(box), engine })));
    expect(fast.engine.name).toBe('native-fast');
    for (const key of ['converged', 'maxiter', 'diverged'] as const) {
      expect(Math.abs(fast.summary.counts[key] - exact.summary.counts[key]), `${key} starts`).toBeLessThanOrEqual(COUNT_TOLERANCE);
    }
    // Every basin holding more than the tolerance on one engine is found by the other, with a count
    // within the tolerance (a basin of a start or two may be reached by one engine only).
    for (const [a, b] of [[exact.summary, fast.summary], [fast.summary, exact.summary]]) {
      for (const basin of a.basins) {
        const twin = match(basin, b);
        if (basin.count > COUNT_TOLERANCE) expect(twin, `${basin.kind} at [${basin.x}] (${basin.count} starts) has no twin`).toBeDefined();
        expect(Math.abs(basin.count - (twin?.count ?? 0)), `${basin.kind} at [${basin.x}]`).toBeLessThanOrEqual(COUNT_TOLERANCE);
      }
    }
  });

  async function run(engine: string, x0: Float32Array): Promise<StartResults> {
    const o = findLibraryFunction('rastrigin')!;
    const descent: DescentOptions = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 1e-3 }), box: o.box(2), sense: 'min', gtol: 1e-4, maxIter: 400 };
    const { compiled } = await chooseEngine({ objective: o, d: 2, descent, dtype: 'float32' }, engine, { backend: 'cpu' });
    return runStarts(compiled, fromArray(x0, 2), descent.maxIter);
  }

  it('a start ends where it ends whatever starts share its vector (reversed order, and next to starts that take the slow sine path)', async () => {
    const n = 1000;
    let s = 12345;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 10.24 - 5.12;
    const x0 = Float32Array.from({ length: 2 * n }, rand);
    const reversed = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) reversed.set(x0.subarray(2 * (n - 1 - i), 2 * (n - i)), 2 * i);
    // Every third start is followed by one at x = 3000, far outside the box: its sine argument
    // 2π·3000 is beyond the vector reduction, so its vector takes the slow copy of the step.
    const mixed: number[] = [];
    for (let i = 0; i < n; i++) {
      mixed.push(x0[2 * i], x0[2 * i + 1]);
      if (i % 3 === 0) mixed.push(3000, 1);
    }
    const [a, b, c, exact] = await Promise.all([run('native-fast', x0), run('native-fast', reversed), run('native-fast', Float32Array.from(mixed)), run('native', x0)]);
    const pick = (r: StartResults, order: number[]) => ({
      x: order.flatMap((i) => [r.x[2 * i], r.x[2 * i + 1]]),
      fun: order.map((i) => r.fun[i]),
      nit: order.map((i) => r.nit[i]),
      status: order.map((i) => r.status[i]),
    });
    const same = (p: ReturnType<typeof pick>, q: ReturnType<typeof pick>) => {
      for (const k of ['x', 'fun', 'nit', 'status'] as const) expect(bitDifferences(p[k], q[k]), k).toEqual([]);
    };
    const ids = [...Array(n).keys()];
    const inMixed: number[] = [];
    let at = 0;
    for (let i = 0; i < n; i++) {
      inMixed.push(at);
      at += i % 3 === 0 ? 2 : 1;
    }
    same(pick(a, ids), pick(b, ids.map((i) => n - 1 - i)));
    same(pick(a, ids), pick(c, inMixed));
    // The slow-path starts really were there, and really left the box at once.
    expect(c.nit[1]).toBe(0);
    // And native-fast is not exact native under another name: some start ends on other bits.
    expect(bitDifferences(a.x, exact.x).length).toBeGreaterThan(0);
  });
});
