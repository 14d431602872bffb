import { afterAll, beforeAll, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import type { DescentOptions } from '../../core/options.ts';
import { STATUS, statusName } from '../../core/status.ts';
import type { StartResults } from '../../core/results.ts';
import { parseExpression } from '../../src/objectives/expression/parse.ts';
import { LIBRARY } from '../../src/objectives/library/index.ts';
import type { OptimizerName } from '../../core/optimizers/index.ts';
import { buildTape } from '../../kernels/ad/build.ts';
import type { Expr } from '../../core/expression.ts';
import { compileCpu } from '../../kernels/cpu/codegen/compile.ts';
import { runCpu } from '../../kernels/cpu/runtime/run.ts';
import { closeCpuPool } from '../../kernels/cpu/runtime/pool.ts';
import { compileNative, runNative } from '../../kernels/native/engine.ts';
import type { FusedDtype } from '../../kernels/types.ts';
import { compareRuns } from './support/compare.ts';
import { BOX, HIMMELBLAU, LR, starts } from './support/engine-cases.ts';
import { pointsIn } from './support/expressions.ts';
import { bitDifferences, describeNative, NATIVE, skipBecause } from './support/native.ts';
import { descentOptions, runReference } from './support/oracle.ts';

/**
 * Full runs of the native engine against the wasm engine, which runs the same generated
 * operations: every column of the results equal bit for bit (NaN payloads aside; below the
 * smallest normal, where the native kernel flushes to zero, both values tiny), for every
 * optimizer, float32 and float64, odd batch sizes, several unrolls and steps per call, lanes
 * beyond the vector sin/cos range, clip and sense max, and every 2-D library function. The wasm
 * engine is itself held to the tfjs reference (engines-cpu.test.ts); one case here checks the
 * native engine against the reference directly too. The start set mixes converging starts with
 * ones that escape or overflow at once, so every status but 'interrupted' occurs.
 */
const RASTRIGIN = parseExpression('20 + x1^2 - 10*cos(2*pi*x1) + x2^2 - 10*cos(2*pi*x2)').expr;
/** x1 in the basin of 0 (it reaches subnormals within 400 steps of gd lr 1e-3), x2 in that of 1. */
const TO_ZERO = new Float32Array([0.3, 1.2]);

beforeAll(async () => {
  await useBackend('cpu');
});
afterAll(async () => {
  await closeCpuPool();
});

interface Engine {
  unroll?: number;
  stepsPerCall?: number;
  threads?: number;
  dtype?: FusedDtype;
  env?: NodeJS.ProcessEnv;
  /** The kernel built with subnormals kept (NativeCompileOptions.flushSubnormals: false). */
  keepSubnormals?: boolean;
}

/**
 * Where the default kernel may differ from wasm: a value both engines have below the smallest
 * normal (the native kernel flushes what wasm keeps as a subnormal), and a gradient norm whose
 * square is that small in every coordinate (√(d · smallest normal)). Anything else is a bug.
 */
function flushedAway(col: 'x' | 'fun' | 'gradNorm', dtype: FusedDtype, d: number): (a: number, b: number) => boolean {
  const tiny = dtype === 'float32' ? 2 ** -126 : 2 ** -1022;
  const bound = col === 'gradNorm' ? Math.sqrt(d * tiny) : tiny;
  return (a, b) => Math.abs(a) < bound && Math.abs(b) < bound;
}

/** Runs x0 on both engines and expects identical results; returns the native ones. */
async function sameAsWasm(expr: Expr, d: number, opts: DescentOptions, x0: Float32Array, engine: Engine = {}): Promise<StartResults> {
  const dtype = engine.dtype ?? 'float32';
  const tape = buildTape(expr, d);
  const [nk, ck] = await Promise.all([compileNative(tape, opts, dtype, { unroll: engine.unroll, env: engine.env, flushSubnormals: engine.keepSubnormals ? false : undefined }), compileCpu(tape, opts, dtype)]);
  const native = await runNative(nk, x0, { stepsPerCall: engine.stepsPerCall, threads: engine.threads });
  const wasm = await runCpu(ck, x0);
  for (const col of ['x', 'fun', 'gradNorm', 'nit', 'status'] as const) {
    const tiny = engine.keepSubnormals || col === 'nit' || col === 'status' ? () => false : flushedAway(col, dtype, d);
    const diff = bitDifferences(native[col], wasm[col]).filter((i) => !tiny(native[col][i], wasm[col][i]));
    const show = diff.slice(0, 3).map((i) => `#${i}: ${native[col][i]} vs ${wasm[col][i]}`);
    expect(show, `${col}: ${diff.length} of ${native[col].length} values differ from the wasm engine's`).toEqual([]);
  }
  return native;
}

const statuses = (r: StartResults) => new Set(Array.from(r.status, (s) => statusName(s)));

describeNative('native engine vs wasm engine, bit for bit', () => {
  for (const name of Object.keys(LR) as OptimizerName[]) {
    it(`${name} on Himmelblau, float32 and float64`, async () => {
      const opts = descentOptions(BOX, name, LR[name], { maxIter: 400 });
      const r = await sameAsWasm(HIMMELBLAU, 2, opts, starts(64));
      expect(statuses(r).has('escaped') && statuses(r).has('nonfinite') && statuses(r).has('gtol')).toBe(true);
      await sameAsWasm(HIMMELBLAU, 2, opts, starts(64), { dtype: 'float64' });
    });
  }

  it('gd on Himmelblau, against the tfjs reference engine too', async () => {
    const opts = descentOptions(BOX, 'gd', LR.gd, { maxIter: 400 });
    const tape = buildTape(HIMMELBLAU, 2);
    const x0 = starts(64);
    const [native, ref] = await Promise.all([compileNative(tape, opts).then((k) => runNative(k, x0)), runReference(HIMMELBLAU, 2, x0, opts)]);
    // As engines-cpu.test.ts: same statuses, nit within one for ≤ 2% of starts (an ulp of
    // gradient difference can flip a threshold test by an iteration), x and f to float32 rounding.
    const { mismatches, nitOffByOne } = compareRuns(native, ref, { xAbs: 1e-4, xRel: 1e-4, funAbs: 1e-4 });
    expect(mismatches.map((m) => `#${m.i}: ${m.what}`)).toEqual([]);
    expect(nitOffByOne).toBeLessThanOrEqual(2);
  });

  it('gd on Rastrigin: maxiter and xtol reached, odd batch sizes, unroll 1 and 3, steps per call 7 and 64, 1 and 3 threads', async () => {
    const opts = descentOptions([[-5.12, 5.12], [-5.12, 5.12]], 'gd', 2e-3, { maxIter: 12, gtol: 1e-6, xtol: 1e-6 });
    for (const [unroll, stepsPerCall, threads] of [[1, 7, 1], [3, 64, 3]]) {
      const r = await sameAsWasm(RASTRIGIN, 2, opts, pointsIn([[-5.12, 5.12], [-5.12, 5.12]], 61, 3), { unroll, stepsPerCall, threads });
      expect(statuses(r).has('maxiter') && statuses(r).has('xtol')).toBe(true);
    }
  });

  it('gtol = xtol = 0, f evaluated only where starts finish, sin/cos beyond the vector range', async () => {
    // As in engines-cpu.test.ts: cos(3000·x1) is in f only and beyond the fast range for
    // |x1| > 4.3; the 1e10 start takes the slow step copy.
    const opts = descentOptions(BOX, 'gd', 1e-3, { maxIter: 6, gtol: 0, xtol: 0 });
    const expr = parseExpression('x1^2 + x2^2 + round(cos(3000*x1)) - 10*cos(2*pi*x2)').expr;
    for (const unroll of [1, 4]) {
      const r = await sameAsWasm(expr, 2, opts, starts(50), { unroll, stepsPerCall: 4 });
      expect(statuses(r).has('maxiter') && statuses(r).has('escaped')).toBe(true);
    }
  });

  it('sense max and bounds clip (adam)', async () => {
    const opts = descentOptions(BOX, 'adam', 0.05, { maxIter: 300, sense: 'max', bounds: 'clip' });
    const r = await sameAsWasm(parseExpression('-(x-6)^2 - (y+1)^2 + sin(x)').expr, 2, opts, starts(40));
    const onEdge = Array.from({ length: 40 }, (_, i) => i).filter((i) => r.status[i] === STATUS.gtol.code && r.x[2 * i] === 5);
    expect(onEdge.length).toBeGreaterThan(10);
  });

  for (const o of LIBRARY.filter((f) => f.defaultDim === 2 && f.expression)) {
    it(`library ${o.name} (2-D), with its suggested descent (or gd lr 0.01)`, async () => {
      const box = o.box(2);
      const s = o.suggested;
      const opts = descentOptions(box, s?.optimizer ?? 'gd', s?.lr ?? 0.01, { maxIter: 300 });
      await sameAsWasm(parseExpression(o.expression!(2), { dim: 2 }).expr, 2, opts, pointsIn(box, 100, 11));
    });
  }

  it('the portable code path (no SSE4.1 or AVX builtins: lane loops) gives the same bits', async (ctx) => {
    if (!NATIVE.available || !/gcc/.test(NATIVE.compiler)) return skipBecause(ctx, 'needs gcc (its -mno-avx -mno-sse4.1 builds the portable helpers)');
    // A real compiler configuration: gcc with the vector extensions above SSE2 turned off, so
    // the kernel uses 16-byte vectors and the generic helpers (floor, nearest, min, max, any).
    const env = { ...process.env, CC: 'gcc -mno-avx -mno-sse4.1' };
    const expr = parseExpression('x^2 + y^2 - 10*cos(2*pi*x) + min(x, y) + max(floor(x), y) + (x^2 + 1)^0.75').expr;
    const opts = descentOptions(BOX, 'adam', 0.05, { maxIter: 200 });
    await sameAsWasm(expr, 2, opts, starts(40), { env });
    await sameAsWasm(expr, 2, opts, starts(40), { env, dtype: 'float64' });
  });

  it('with subnormals kept, gives the wasm kernel\'s bits even where values fall below the smallest normal', async () => {
    // Michalewicz's plateaus have gradients below 1e-19, whose squares are subnormal (the default
    // kernel reports a gradient norm of 0 for one of these starts where wasm has 3.3e-20).
    const o = LIBRARY.find((f) => f.name === 'michalewicz')!;
    const box = o.box(2);
    const opts = descentOptions(box, o.suggested?.optimizer ?? 'gd', o.suggested?.lr ?? 0.01, { maxIter: 300 });
    await sameAsWasm(parseExpression(o.expression!(2), { dim: 2 }).expr, 2, opts, pointsIn(box, 100, 11), { keepSubnormals: true });
    await sameAsWasm(RASTRIGIN, 2, descentOptions(BOX, 'gd', 1e-3, { maxIter: 400, gtol: 0, xtol: 0 }), TO_ZERO, { keepSubnormals: true });
  });

  it('flushes subnormals to zero on its threads: a coordinate converging to 0 stops at a normal number', async () => {
    const opts = descentOptions(BOX, 'gd', 1e-3, { maxIter: 400, gtol: 0, xtol: 0 });
    const kernel = await compileNative(buildTape(RASTRIGIN, 2), opts);
    const [native, wasm] = await Promise.all([runNative(kernel, TO_ZERO), compileCpu(buildTape(RASTRIGIN, 2), opts).then((k) => runCpu(k, TO_ZERO))]);
    // x1 → 0 by ×(1 − lr·f'') ≈ 0.6 a step: wasm ends at the smallest subnormal (2^-149, where
    // the step rounds to nothing); native where lr·g first falls below 2^-126 and is flushed.
    expect(wasm.x[0]).toBe(2 ** -149);
    expect(native.x[0]).toBeGreaterThanOrEqual(2 ** -126);
    expect(native.x[0]).toBeLessThan(2 ** -126 / (1e-3 * 300));
    // x2 → 1 (≈ 0.995): no subnormal on the way, the same bits, the same 400 steps.
    expect(native.x[1]).toBe(wasm.x[1]);
    expect([native.nit[0], native.status[0], wasm.nit[0], wasm.status[0]]).toEqual([400, STATUS.maxiter.code, 400, STATUS.maxiter.code]);
  });

  it('lane masks by the portable helpers (lane loops where the AVX-512 mask builtins would be) give the same bits', async (ctx) => {
    if (!NATIVE.available || !/gcc/.test(NATIVE.compiler) || !/AVX-512/.test(NATIVE.describe)) return skipBecause(ctx, 'needs gcc on an AVX-512 CPU (the only place the kernel keeps masks of their own type)');
    // AVX-512 vectors, so the kernel keeps masks of their own type (c-lanes.ts, LaneFamily.masks),
    // built by the lane loops clang gets (prelude.ts maskSource): compares, selects, conversions.
    const env = { ...process.env, CC: 'gcc -DBM_PORTABLE_MASKS' };
    // Every mask op of the step and bm_record (box and escape tests, clip's projected gradient,
    // selects, the any-lane test) on both lane types; the lane loops make gcc slow, so two kernels.
    const expr = parseExpression('x^2 + y^2 - 10*cos(2*pi*x) + min(x, y)').expr;
    await sameAsWasm(expr, 2, descentOptions(BOX, 'gd', 0.05, { maxIter: 200, bounds: 'clip' }), starts(40), { env });
    await sameAsWasm(expr, 2, descentOptions(BOX, 'adam', 0.05, { maxIter: 200 }), starts(40), { env, dtype: 'float64' });
  });
});

describeNative('native engine, control', () => {
  const opts = descentOptions(BOX, 'gd', 1e-3, { maxIter: 100, gtol: 0, xtol: 0 });
  const x0 = Float32Array.from({ length: 32 }, (_, i) => -2 + i / 8); // ordinary starts inside the box

  it('reports progress after every call but the last, and once more when done', async () => {
    const kernel = await compileNative(buildTape(HIMMELBLAU, 2), opts);
    const seen: Array<[number, number, number]> = [];
    await runNative(kernel, x0, { threads: 1, stepsPerCall: 10, onProgress: (p) => seen.push([p.done, p.live, p.iteration]) });
    // The tenth call ends at t = 100 = maxIter, where every start ends: no report of its own.
    const during = Array.from({ length: 9 }, (_, k): [number, number, number] => [0, 16, 10 * (k + 1)]);
    expect(seen).toEqual([...during, [16, 0, 100]]);
  });

  it('an abort leaves the starts still running where they are, marked interrupted', async () => {
    const long = descentOptions(BOX, 'gd', 1e-6, { maxIter: 1_000_000, gtol: 0, xtol: 0 });
    const kernel = await compileNative(buildTape(HIMMELBLAU, 2), long);
    const ac = new AbortController();
    const r = await runNative(kernel, x0, { stepsPerCall: 10, onProgress: () => ac.abort(), signal: ac.signal });
    expect(Array.from(r.status).every((s) => s === STATUS.interrupted.code)).toBe(true);
    expect(Array.from(r.nit)).toEqual(new Array(16).fill(10));
    expect(Array.from(r.fun).every(Number.isNaN)).toBe(true);
    // Moved by ten steps of lr 1e-6 (|∇f| < 200 on these starts: at most 2e-3 in all), not reset
    // to x0 and not garbage.
    expect(Array.from(r.x).every((v, i) => Math.abs(v - x0[i]) < 2e-3)).toBe(true);
    expect(Array.from(r.x).some((v, i) => v !== x0[i])).toBe(true);
  });

  it('an already aborted run returns every start interrupted at its start', async () => {
    const kernel = await compileNative(buildTape(HIMMELBLAU, 2), opts);
    const ac = new AbortController();
    ac.abort();
    const r = await runNative(kernel, x0, { signal: ac.signal });
    expect(Array.from(r.status).every((s) => s === STATUS.interrupted.code)).toBe(true);
    expect(Array.from(r.x)).toEqual(Array.from(x0));
  });

  it('gives the same results whatever the steps per call and threads (adaptive calls included)', async () => {
    const kernel = await compileNative(buildTape(RASTRIGIN, 2), descentOptions(BOX, 'momentum', 1e-3, { maxIter: 500 }));
    const many = pointsIn(BOX, 1000, 5);
    const a = await runNative(kernel, many);
    const b = await runNative(kernel, many, { stepsPerCall: 3, threads: 3 });
    for (const col of ['x', 'fun', 'gradNorm', 'nit', 'status'] as const) expect(bitDifferences(a[col], b[col]), col).toEqual([]);
  });

  it('copies x0 from a view into a larger array exactly, on threads when it is large (4e5 starts: 3.2 MB, past the 1 MiB a thread)', async () => {
    const kernel = await compileNative(buildTape(parseExpression('x^2 + y^2').expr, 2), descentOptions([[-1, 1], [-1, 1]], 'gd', 0.1, { maxIter: 20 }));
    const all = Float32Array.from({ length: 2 * 1_000_000 }, (_, i) => ((i * 7919) % 2000) / 1000 - 1);
    const view = all.subarray(2 * 300_001, 2 * 700_001);
    const r = await runNative(kernel, view, { threads: 2 });
    expect(bitDifferences(r.x0, view)).toEqual([]);
    // Every start descended from its own x0 (x ← 0.8·x each step, 20 steps from |x| ≤ 1).
    expect(Array.from(r.x).every((v) => Math.abs(v) <= 0.8 ** 20 * 1.0001)).toBe(true);
  });

  it('gives the same results in the record memory a larger run left behind (runs reuse it)', async () => {
    const kernel = await compileNative(buildTape(RASTRIGIN, 2), descentOptions(BOX, 'momentum', 1e-3, { maxIter: 200 }));
    const small = pointsIn(BOX, 700, 9);
    const first = await runNative(kernel, small);
    // A larger run of other starts, whose records stay behind for the next run of a similar size.
    await runNative(kernel, pointsIn(BOX, 1000, 3));
    const again = await runNative(kernel, small);
    for (const col of ['x', 'fun', 'gradNorm', 'nit', 'status'] as const) expect(bitDifferences(first[col], again[col]), col).toEqual([]);
  });
});
