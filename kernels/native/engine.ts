import { availableParallelism } from 'node:os';
import type { DescentOptions } from '../../core/options.ts';
import { allocateResults, type StartResults } from '../../core/results.ts';
import { buildTape } from '../ad/build.ts';
import type { Tape } from '../ad/tape.ts';
import { FusedCompileError } from '../fused.ts';
import { RUNNING, STATUS } from '../../core/status.ts';
import { makeOptimizer, optimizerSpec, stateCount } from '../../core/optimizers/index.ts';
import { checkOptions } from '../../core/options.ts';
import { scalarTable } from '../record.ts';
import type { EngineOptions, Evaluation, FusedDtype } from '../types.ts';
import { compiledLibrary, CompileFailure } from './cache.ts';
import { type CCompiler, findCompiler } from './compiler.ts';
import { loadEvaluate, loadKoffi, loadLibrary, type NativeEvaluate, type NativeLibrary, type Pointer } from './ffi.ts';
import { makeNativeLayout, type NativeLayout } from './layout.ts';
import { keepRecords, takeRecords } from './record-pool.ts';
import { moduleSource, type ModulePart } from './module-source.ts';

export interface NativeKernel {
  tape: Tape;
  opts: DescentOptions;
  dtype: FusedDtype;
  layout: NativeLayout;
  /** The run library (undefined for evaluateOnly kernels). */
  lib?: NativeLibrary;
  /** The library compiled (or found) for this kernel: its path in the cache, whether it was there. */
  path: string;
  cached: boolean;
  /** Seconds spent in the C compiler (0 on a cache hit). */
  compileSeconds: number;
  compiler: CCompiler;
  /** Compiled as native-fast (NativeCompileOptions.fast). */
  fast: boolean;
  /** bm_evaluate, from the kernel's evaluate library, built on first use. */
  evaluate(): Promise<NativeEvaluate>;
}

export type NativeStatus = { available: true; describe: string; compiler: string } | { available: false; why: string };

export interface NativeCompileOptions {
  /** Vectors per group (default: cpu/engine.ts's defaultUnroll, by state size). */
  unroll?: number;
  /** The environment to find the compiler and the cache in (tests hide the compiler with it). */
  env?: NodeJS.ProcessEnv;
  /** Build only the evaluate library (f and ∇f), no run library: for the gradient tests. */
  evaluateOnly?: boolean;
  /**
   * The native-fast variant: fused multiply-adds (one rounding where the exact kernel rounds the
   * product and the sum) and two-part sin/cos reductions. Not bit-identical to the wasm and exact
   * native kernels; within their tolerances (kernels/README.md, "native-fast").
   */
  fast?: boolean;
  /**
   * Lane masks of their own type where the vector is one 512-bit register (c-lanes.ts,
   * LaneFamily.masks; default on). Off only to measure what they gain (benchmarks/native-kernel.ts).
   */
  masks?: boolean;
  /**
   * Subnormals flushed to zero on the run's threads (module-source.ts, FLUSH_SUBNORMALS; default
   * on). Off, the kernel is the wasm kernel's bit for bit even below the smallest normal: the
   * tests that compare the two on runs reaching subnormals turn it off.
   */
  flushSubnormals?: boolean;
}

/**
 * Vectors per group: cpu/engine.ts's rule (by the vectors a group keeps live across the step
 * loop), which x86-64's 16 vector registers (32 with AVX-512) bound the same way as wasm's.
 */
export function nativeDefaultUnroll(d: number, nState: number): number {
  const live = d * (1 + nState);
  return live <= 6 ? 4 : live <= 48 ? 2 : 1;
}

const statusMemo = new Map<string, Promise<NativeStatus>>();

/**
 * Whether the native engine works here, and why not: a C compiler ($CC, else cc/gcc/clang),
 * koffi's addon, and a probe kernel that compiles, loads and runs (cached like any kernel, so
 * this costs one compile per machine and compiler). Never throws.
 */
export function nativeStatus(env: NodeJS.ProcessEnv = process.env): Promise<NativeStatus> {
  const key = [env.CC, env.PATH, env.BASINMAP_CACHE_DIR, env.XDG_CACHE_HOME].join('\0');
  let p = statusMemo.get(key);
  if (!p) {
    p = probe(env);
    statusMemo.set(key, p);
  }
  return p;
}

async function probe(env: NodeJS.ProcessEnv): Promise<NativeStatus> {
  const found = findCompiler(env);
  if (!found.ok) return { available: false, why: found.why };
  try {
    await loadKoffi();
  } catch (e) {
    return { available: false, why: `koffi (the FFI the native engine calls kernels through) did not load: ${firstLine(e)}` };
  }
  try {
    const tape = buildTape({ op: 'square', arg: { op: 'var', index: 0 } }, 1);
    const opts: DescentOptions = {
      optimizer: optimizerSpec('gd', { lr: 0.25 }),
      maxIter: 10, gtol: 1e-6, xtol: 0, box: [[-1, 1]], divergeRadius: 10, sense: 'min',
    };
    const kernel = await compileNative(tape, opts, 'float32', { env, unroll: 1 });
    const r = await runNative(kernel, new Float32Array([1]), { threads: 2 });
    // x ← x − 0.25·2x halves x exactly: after maxIter = 10 steps x = 2^-10 (‖g‖ is far above gtol).
    if (r.x[0] !== 2 ** -10 || r.nit[0] !== 10 || r.status[0] !== STATUS.maxiter.code) {
      return { available: false, why: `the probe kernel ran but ended at x = ${r.x[0]} after ${r.nit[0]} steps, not 2^-10 after 10: the native engine is not usable with ${kernel.compiler.short}` };
    }
  } catch (e) {
    return { available: false, why: firstLine(e) };
  }
  const c = found.compiler;
  return { available: true, compiler: c.short, describe: `native (${c.short}, ${c.isa}, ${availableParallelism()} threads)` };
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0];
}

/**
 * The kernel for one tape and one set of options, compiled by the system C compiler (or found in
 * the cache) and loaded. Throws FusedCompileError with one line saying why not.
 */
export async function compileNative(tape: Tape, opts: DescentOptions, dtype: FusedDtype = 'float32', options: NativeCompileOptions = {}): Promise<NativeKernel> {
  const env = options.env ?? process.env;
  try {
    checkOptions(opts, tape.d);
  } catch (e) {
    throw new FusedCompileError(`cannot compile for the native engine: ${firstLine(e)}`);
  }
  const found = findCompiler(env);
  if (!found.ok) throw new FusedCompileError(`the native engine is not available: ${found.why}`);
  const compiler = found.compiler;
  const nState = stateCount(makeOptimizer(opts.optimizer, opts.box));
  const unroll = options.unroll ?? nativeDefaultUnroll(tape.d, nState);
  const layout = makeNativeLayout(dtype, tape.d, nState, unroll, compiler.vectorBytes);
  const build = async (part: ModulePart) => {
    let source: string;
    try {
      source = moduleSource(tape, opts, layout, part, { fast: options.fast, masks: options.masks, flushSubnormals: options.flushSubnormals });
    } catch (e) {
      throw new FusedCompileError(`the native engine cannot generate this kernel (${tape.instrs.length} tape instructions): ${firstLine(e)}`);
    }
    try {
      return await compiledLibrary(source, compiler, env);
    } catch (e) {
      throw new FusedCompileError(`the native engine could not build this kernel: ${e instanceof CompileFailure ? e.message : firstLine(e)}`);
    }
  };
  const load = async <T>(path: string, loader: (path: string) => Promise<T>): Promise<T> => {
    try {
      return await loader(path);
    } catch (e) {
      throw new FusedCompileError(`the native kernel ${path} did not load: ${firstLine(e)} (delete it to rebuild)`);
    }
  };
  let evaluator: Promise<NativeEvaluate> | undefined;
  const evaluate = () => (evaluator ??= build('evaluate').then((b) => load(b.path, (p) => loadEvaluate(p, dtype))));
  const built = await build(options.evaluateOnly ? 'evaluate' : 'run');
  const lib = options.evaluateOnly ? undefined : await load(built.path, (p) => loadLibrary(p, dtype));
  if (options.evaluateOnly) evaluator = load(built.path, (p) => loadEvaluate(p, dtype));
  return { tape, opts, dtype, layout, lib, path: built.path, cached: built.cached, compileSeconds: built.seconds, compiler, fast: options.fast === true, evaluate };
}

/**
 * Aim of the adaptive steps per call: long enough to amortise a call, short enough for Ctrl-C
 * and progress. Each call streams every record through memory once (32 MB at 1e6 starts in 2-D),
 * measured as 6 % of a 1e6-start run at 0.1 s a call against one call for the whole run.
 */
const TARGET_CALL_SECONDS = 0.25;

/**
 * Steps of the first call, before any is timed: about 0.1 s of work at 0.05 ns per tape
 * instruction and start (what Rastrigin-2D gd measures on one AVX-512 core, 25 instructions),
 * within 16 … 4096. A fixed 16 made a run of 1e4 starts × 1000 steps take four calls (16, 64,
 * 256, 665) at ~0.2 ms of call and thread start-up each, 8 % of its time; and every call streams
 * every record through memory once (Styblinski-Tang 50-D momentum, 42k starts: 26 MB, ~5 ms a
 * call, more than 16 steps' arithmetic), so a short run is best done in one call.
 */
export function firstStepsPerCall(n: number, tapeLength: number): number {
  return Math.max(16, Math.min(4096, Math.round(2e9 / (n * Math.max(1, tapeLength)))));
}

/**
 * Runs every start: the whole batch is packed into records once, then each call of the kernel
 * (on a koffi worker thread, spreading groups over `threads` pthreads) advances it by K steps,
 * until no start is running. Between calls: progress, and the abort signal. K is
 * engineOpts.stepsPerCall when given, else adapted so that a call takes about 0.25 s (the results
 * do not depend on K).
 */
export async function runNative(kernel: NativeKernel, x0: Float32Array, engineOpts: Omit<EngineOptions, 'dtype'> = {}): Promise<StartResults> {
  const { d } = kernel.tape;
  const n = x0.length / d;
  if (!Number.isInteger(n)) throw new RangeError(`x0 has ${x0.length} values, not a multiple of d = ${d}`);
  const { lib, layout } = kernel;
  if (!lib) throw new Error('this native kernel was compiled for evaluation only');
  const maxIter = kernel.opts.maxIter;
  const threads = Math.max(1, Math.min(256, engineOpts.threads ?? availableParallelism()));
  const fixedK = engineOpts.stepsPerCall !== undefined ? Math.max(1, Math.floor(engineOpts.stepsPerCall)) : undefined;
  const out = allocateResults(n, d, kernel.dtype);
  if (n === 0) return out;
  // The columns are fresh memory, written once below: huge pages where large (bm_advise_huge).
  for (const col of [out.x0, out.x, out.fun, out.gradNorm, out.nit, out.status]) {
    if (col.byteLength >= 4 * 2 ** 20) lib.adviseHuge(col, col.byteLength);
  }
  lib.copy(out.x0, x0, x0.byteLength, threads);
  const nGroups = Math.ceil(n / layout.groupSize);
  const recordBytes = nGroups * layout.recordBytes;
  const allocated: Pointer[] = [];
  const noMemory = (bytes: number) => new RangeError(`the native engine could not allocate ${(bytes / 2 ** 20).toFixed(0)} MiB for ${n} starts`);
  const alloc = (bytes: number) => {
    const p = lib.alloc(bytes);
    if (!p) throw noMemory(bytes);
    allocated.push(p);
    return p;
  };
  const rec = takeRecords(lib, recordBytes);
  if (!rec) throw noMemory(recordBytes);
  try {
    let table: Pointer | null = null;
    const t = scalarTable(makeOptimizer(kernel.opts.optimizer, kernel.opts.box).scalars, maxIter);
    if (t) {
      table = alloc(t.length * (kernel.dtype === 'float32' ? 4 : 8));
      lib.table(table, t, t.length);
    }
    lib.pack(rec, x0, n);
    let K = fixedK ?? firstStepsPerCall(n, kernel.tape.instrs.length);
    let reached = 0;
    // As cpu/worker-source.ts: calls of K steps from t0 = 0 until t0 > maxIter (the call that
    // reaches t = maxIter ends every start still running).
    for (let t0 = 0; t0 <= maxIter;) {
      if (engineOpts.signal?.aborted) break;
      const steps = Math.min(K, maxIter + 1 - t0);
      const started = performance.now();
      const running = await lib.run(rec, n, t0, steps, table, threads);
      if (running < 0) throw new Error('the native engine could not start a thread');
      t0 += steps;
      reached = Math.min(maxIter, t0);
      if (running === 0) break;
      engineOpts.onProgress?.({ done: n - running, live: running, iteration: reached });
      if (fixedK === undefined) {
        const seconds = Math.max(1e-4, (performance.now() - started) / 1000);
        K = Math.max(1, Math.min(1 << 16, Math.round(steps * Math.min(4, TARGET_CALL_SECONDS / seconds))));
      }
    }
    lib.unpack(rec, n, reached, out.x, out.fun, out.gradNorm, out.nit, out.status, threads);
  } finally {
    for (const p of allocated) lib.free(p);
    keepRecords(lib, rec, recordBytes);
  }
  engineOpts.onProgress?.({ done: n, live: 0, iteration: maxIter });
  return out;
}

/**
 * f and ∇f at n points ([n, d]) by the kernel's own generated code (bm_evaluate, from its
 * evaluate library: compiled, or found in the cache, on the first call).
 */
export async function evaluateNative(kernel: NativeKernel, points: ArrayLike<number>): Promise<Evaluation> {
  const { d } = kernel.tape;
  const n = points.length / d;
  const Arr = kernel.dtype === 'float32' ? Float32Array : Float64Array;
  const f = new Arr(n);
  const grad = new Arr(n * d);
  const evaluate = await kernel.evaluate();
  if (n > 0) evaluate(Float64Array.from(points), n, f, grad);
  return { f, grad };
}
