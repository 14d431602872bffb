import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../tf.ts';
import type { ObjectiveFn } from '../objectives/types.ts';
import { makeOptimizer } from '../optimizers/index.ts';
import { mapTensors, tensorsOf, type StateTree } from '../optimizers/tree.ts';
import { sqrtThreshold } from '../../kernels/thresholds.ts';
import { shrinkTarget } from './buckets.ts';
import type { DescentOptions } from './options.ts';
import type { ProgressCallback } from './progress.ts';
import { allocateResults } from './results.ts';
import { STATUS } from './status.ts';
import type { StartResults } from './types.ts';

/** Any source of start rows: a StartSet from src/starts, or a plain array wrapped by `fromArray`. */
export interface StartRows {
  n: number;
  d: number;
  rows(from: number, count: number): Float32Array;
}

export interface RunControl {
  /** Read results back from the device every this many steps (termination is tested then). */
  checkEvery: number;
  /** Starts descended together in one batch; larger sets run chunk after chunk. */
  chunkRows: number;
  /** Drop finished starts from the batch so they stop costing compute. */
  compact: boolean;
  onProgress?: ProgressCallback;
  /** Aborting stops at the next check; unfinished starts are marked 'interrupted'. */
  signal?: AbortSignal;
}

export const RUN_DEFAULTS: Omit<RunControl, 'chunkRows'> = { checkEvery: 10, compact: true };

/** Rows per chunk so that one [rows, d] float32 tensor is ~8 MiB: tens of such tensors are alive per step. */
export function defaultChunkRows(d: number): number {
  return Math.max(1024, Math.floor(2 ** 21 / d));
}

export function fromArray(x0: Float32Array, d: number): StartRows {
  return { n: x0.length / d, d, rows: (from, count) => x0.subarray(from * d, (from + count) * d) };
}

/**
 * The xtol test, ‖step‖² ≤ xtol² + (eps32·‖x‖)²: a step shorter than float32's resolution at x
 * cannot move x, so it counts as converged whatever xtol says (where ∇f has sunk to float32 noise,
 * e.g. Rastrigin's far minima: the noise in 20π·sin(2πx) at |x| ≈ 5 is ~1.5e-4, above gtol).
 * Squares, so that every engine can test it without a square root.
 */
const XTOL2 = (xtol: number) => sqrtThreshold(xtol, 'float32');
/** xtol = 0 turns the step test off altogether, resolution floor included (fixed-step runs). */
const relativeXtol2 = (opts: DescentOptions) => (opts.xtol > 0 ? 2 ** -46 : 0);

// Live-row codes computed on the device at a check; 0 means still descending.
const CODE_TO_STATUS = [undefined, STATUS.nonfinite.code, STATUS.escaped.code, STATUS.gtol.code, STATUS.xtol.code] as const;

/**
 * Descends every start with the tfjs engine: all live starts of a chunk are one [m, d] tensor,
 * one gradient of the sum gives every row's gradient (rows are independent). Every `checkEvery`
 * steps, a per-row status is computed on the device and read back; finished rows are recorded
 * and, when at least half of the batch has finished, dropped.
 * nit is exact to within checkEvery (termination is only tested at checks); checkEvery 1 is exact.
 */
export async function descend(f: ObjectiveFn, starts: StartRows, opts: DescentOptions, control: Partial<RunControl> = {}): Promise<StartResults> {
  const ctl: RunControl = { ...RUN_DEFAULTS, chunkRows: defaultChunkRows(starts.d), ...control };
  const { n, d } = starts;
  const out = allocateResults(n, d);
  const chunks = Math.ceil(n / ctl.chunkRows);
  const progress = { done: 0, n, chunks };
  for (let c = 0; c < chunks; c++) {
    const from = c * ctl.chunkRows;
    const count = Math.min(ctl.chunkRows, n - from);
    const x0 = starts.rows(from, count);
    out.x0.set(x0, from * d);
    await descendChunk(f, x0, from, d, opts, ctl, out, { ...progress, chunk: c });
    progress.done += count;
    if (ctl.signal?.aborted) {
      markInterrupted(out, from + count, n, starts);
      break;
    }
  }
  return out;
}

function markInterrupted(out: StartResults, from: number, n: number, starts: StartRows): void {
  for (let i = from; i < n; i++) out.status[i] = STATUS.interrupted.code;
  // Unstarted rows report their start point as their end point, so files stay well-formed.
  if (from < n) {
    const rest = starts.rows(from, n - from);
    out.x0.set(rest, from * out.d);
    out.x.set(rest, from * out.d);
    out.fun.fill(NaN, from);
    out.gradNorm.fill(NaN, from);
  }
}

async function descendChunk(
  f: ObjectiveFn,
  x0: Float32Array,
  offset: number,
  d: number,
  opts: DescentOptions,
  ctl: RunControl,
  out: StartResults,
  prog: { done: number; n: number; chunk: number; chunks: number },
): Promise<void> {
  const m0 = x0.length / d;
  const optimizer = makeOptimizer(opts.optimizer);
  const descended: ObjectiveFn = opts.sense === 'max' ? (x) => tf.neg(f(x)) : f;
  const gradOf = tf.grad((x: Tensor) => tf.sum(descended(x as Tensor2D)));
  const centre = tf.tensor1d(opts.box.map(([a, b]) => (a + b) / 2));
  const radius = tf.tensor1d(opts.box.map(([a, b]) => ((b - a) / 2) * opts.divergeRadius));
  const clip = opts.bounds === 'clip' ? { lo: tf.tensor1d(opts.box.map(([a]) => a)), hi: tf.tensor1d(opts.box.map(([, b]) => b)) } : undefined;
  const project = (xs: Tensor2D): Tensor2D => (clip ? (tf.minimum(tf.maximum(xs, clip.lo), clip.hi) as Tensor2D) : xs);

  // A last chunk smaller than the others is padded up to one of the bucket sizes that compaction
  // uses (halvings of the chunk size), so it brings no new shapes: shaders compile once per size.
  const minRows = Math.min(m0, 256);
  // (A run of one chunk has its own shape anyway and is not padded.)
  const rows = prog.chunks > 1 && ctl.chunkRows > m0 ? shrinkTarget(ctl.chunkRows, m0, minRows) : m0;
  const padded = rows === m0 ? x0 : Float32Array.from({ length: rows * d }, (_, k) => x0[k % (m0 * d)]);
  let x = tf.tensor2d(padded, [rows, d]);
  let state: StateTree = tidy(() => optimizer.init(x) as StateTree);
  // owner[r] = global start index of live row r, or -1 for a padding row (a duplicate kept only
  // so the batch keeps a bucketed shape).
  let owner = Int32Array.from({ length: rows }, (_, i) => (i < m0 ? offset + i : -1));
  let live = m0;

  try {
    for (let t = 0; ; t++) {
      const isCheck = t % ctl.checkEvery === 0 || t === opts.maxIter;
      if (!isCheck) {
        const next = tidy(() => advance(x, state));
        dispose(x, state);
        ({ x, state } = next);
        continue;
      }
      // A check: gradient, tentative step, status per row, all on the device; one readback.
      const checked = tidy(() => {
        const g = gradOf(x) as Tensor2D;
        const { step, state: s2 } = optimizer.update(g, state, x);
        const fx = f(x);
        const x2 = project(tf.add(x, step) as Tensor2D);
        const gn = rowNorm(clip ? projectedGradient(g, x, clip.lo, clip.hi) : g);
        const sn2 = rowSquares(clip ? (tf.sub(x2, x) as Tensor2D) : step);
        const xtol2 = tf.add(tf.mul(rowSquares(x), relativeXtol2(opts)), XTOL2(opts.xtol)) as Tensor1D;
        const code = statusCodes(x, fx, gn, tf.lessEqual(sn2, xtol2), centre, radius, opts);
        return { code, fx, gn, x2, s2 };
      });
      const codes = await checked.code.data();
      // On cpu and wasm, data() resolves as a microtask: without a macrotask turn here the loop
      // would never let the event loop run, and Ctrl-C, timers and I/O would wait until the end.
      await new Promise((resolve) => setImmediate(resolve));
      const finished: number[] = [];
      const stillLive: number[] = [];
      const atLimit = t === opts.maxIter;
      for (let r = 0; r < codes.length; r++) {
        if (owner[r] < 0) continue;
        if (codes[r] !== 0 || atLimit || ctl.signal?.aborted) finished.push(r);
        else stillLive.push(r);
      }
      if (finished.length > 0) {
        await record(out, finished, owner, codes, x, checked.fx, checked.gn, t, d, atLimit, !!ctl.signal?.aborted);
      }
      live = stillLive.length;
      ctl.onProgress?.({ done: prog.done + (m0 - countOwned(owner) + finished.length), n: prog.n, live, iteration: t, maxIter: opts.maxIter, chunk: prog.chunk, chunks: prog.chunks });
      dispose(x, state, checked.code, checked.fx, checked.gn);
      x = checked.x2;
      state = checked.s2;
      if (live === 0) break;
      for (const r of finished) owner[r] = -1;
      const target = ctl.compact ? shrinkTarget(owner.length, live, minRows) : owner.length;
      if (target < owner.length) {
        ({ x, state, owner } = compactRows(x, state, owner, stillLive, target));
      }
    }
  } finally {
    dispose(x, state, centre, radius, clip?.lo, clip?.hi);
  }

  function advance(xc: Tensor2D, sc: StateTree): { x: Tensor2D; state: StateTree } {
    const g = gradOf(xc) as Tensor2D;
    const { step, state: s2 } = optimizer.update(g, sc, xc);
    return { x: project(tf.add(xc, step) as Tensor2D), state: s2 };
  }
}

/**
 * The gradient with the components that point out of the box at an active bound set to zero
 * (descent moves along −g: at the lower bound a positive component pushes outward, at the upper
 * bound a negative one). Its norm is zero exactly at a KKT point of the box-constrained problem.
 */
function projectedGradient(g: Tensor2D, x: Tensor2D, lo: Tensor1D, hi: Tensor1D): Tensor2D {
  const blocked = tf.logicalOr(tf.logicalAnd(tf.lessEqual(x, lo), tf.greater(g, 0)), tf.logicalAnd(tf.greaterEqual(x, hi), tf.less(g, 0)));
  return tf.where(blocked, tf.zerosLike(g), g) as Tensor2D;
}

function countOwned(owner: Int32Array): number {
  let k = 0;
  for (const o of owner) if (o >= 0) k++;
  return k;
}

/**
 * Per-row code: 0 live, 1 non-finite, 2 escaped, 3 gtol, 4 xtol (the first that applies).
 * Computed as a float vector so that one small readback decides every row.
 */
function statusCodes(x: Tensor2D, fx: Tensor1D, gn: Tensor1D, xtol: Tensor, centre: Tensor1D, radius: Tensor1D, opts: DescentOptions): Tensor1D {
  const finite = tf.logicalAnd(tf.logicalAnd(tf.isFinite(fx), tf.isFinite(gn)), tf.all(tf.isFinite(x), 1));
  const escaped = tf.any(tf.greater(tf.abs(tf.sub(x, centre)), radius), 1);
  const gtol = tf.lessEqual(gn, opts.gtol);
  const zero = tf.zerosLike(fx);
  const pick = (cond: Tensor, code: number, rest: Tensor) => tf.where(cond, tf.fill(fx.shape, code), rest);
  return pick(tf.logicalNot(finite), 1, pick(escaped, 2, pick(gtol, 3, pick(xtol, 4, zero)))) as Tensor1D;
}

function rowNorm(v: Tensor2D): Tensor1D {
  return tf.sqrt(rowSquares(v)) as Tensor1D;
}

function rowSquares(v: Tensor2D): Tensor1D {
  return tf.sum(tf.square(v), 1) as Tensor1D;
}

async function record(
  out: StartResults,
  rows: number[],
  owner: Int32Array,
  codes: Float32Array | Int32Array | Uint8Array,
  x: Tensor2D,
  fx: Tensor1D,
  gn: Tensor1D,
  t: number,
  d: number,
  atLimit: boolean,
  aborted: boolean,
): Promise<void> {
  const idx = tf.tensor1d(Int32Array.from(rows), 'int32');
  const [xs, fs, gs] = await Promise.all(
    [tf.gather(x, idx), tf.gather(fx, idx), tf.gather(gn, idx)].map(async (t) => {
      const v = await t.data();
      t.dispose();
      return v as Float32Array;
    }),
  );
  idx.dispose();
  rows.forEach((r, k) => {
    const i = owner[r];
    out.x.set(xs.subarray(k * d, (k + 1) * d), i * d);
    out.fun[i] = fs[k];
    out.gradNorm[i] = gs[k];
    out.nit[i] = t;
    const code = codes[r];
    out.status[i] = code !== 0 ? CODE_TO_STATUS[code]! : aborted ? STATUS.interrupted.code : atLimit ? STATUS.maxiter.code : STATUS.interrupted.code;
  });
}

/** Keeps the still-live rows (padded by repeating live rows up to `size`), in x and in every state tensor. */
function compactRows(x: Tensor2D, state: StateTree, owner: Int32Array, liveRows: number[], size: number) {
  const pick = Int32Array.from({ length: size }, (_, k) => liveRows[k % liveRows.length]);
  const idx = tf.tensor1d(pick, 'int32');
  const x2 = tf.gather(x, idx) as Tensor2D;
  const s2 = mapTensors(state, (t) => tf.gather(t, idx));
  const owner2 = Int32Array.from({ length: size }, (_, k) => (k < liveRows.length ? owner[liveRows[k]] : -1));
  dispose(x, state, idx);
  return { x: x2, state: s2, owner: owner2 };
}

function dispose(...items: (StateTree | undefined)[]): void {
  for (const item of items) if (item !== undefined) for (const t of tensorsOf(item)) t.dispose();
}

/** tf.tidy, typed for our state trees (tfjs's TensorContainer type does not admit readonly arrays). */
function tidy<T>(fn: () => T): T {
  return tf.tidy(fn as () => never) as T;
}
