import { makeOptimizer, type Transform } from '../../core/optimizers/index.ts';
import { allocateResults, type StartResults } from '../../core/results.ts';
import { descended, descendedValue, ends, finishStatus, moveOf, rulePlan, stepTest, type RulePlan } from '../../core/rule.ts';
import { RUNNING, STATUS } from '../../core/status.ts';
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../../core/tf.ts';
import { chunkTooBig, webgpuBindingLimit } from '../../kernels/webgpu/limits.ts';
import { UserError } from '../../core/errors.ts';
import { shrinkTarget } from '../descent/buckets.ts';
import type { ObjectiveFn } from '../objectives/types.ts';
import { tensorOps, tensorRows } from './tensor-ops.ts';
import { EngineRefusal, type ChunkControl, type Compiled, type Engine, type Problem } from './types.ts';

/**
 * The tfjs engine: all live starts of a chunk are one [m, d] tensor on the active tfjs backend, and
 * one gradient of the sum gives every row's gradient (rows are independent). Every `checkEvery`
 * steps the termination rule (core/rule.ts) gives a status per row on the device and one small
 * vector is read back; finished rows are recorded and, once at least half of the batch has
 * finished, dropped (compaction to halved sizes: backends that compile per shape compile each
 * shape once). nit is exact to within checkEvery; checkEvery 1 tests every step, as the fused
 * kernels do, and then agrees with them bit for bit wherever the backend's kernels do.
 * Runs any objective (user modules are tfjs code), in float32 only.
 */
export const tfjsEngine: Engine = {
  name: 'tfjs',
  title: 'tfjs op by op on the active backend (any objective, float32)',
  status: async () => ({ available: true, describe: 'on any tfjs backend: see `basinmap backends`' }),
  async compile(problem: Problem): Promise<Compiled> {
    if (problem.dtype !== 'float32') throw new EngineRefusal('tfjs computes in float32 only');
    const plan = rulePlan(problem.descent, 'float32');
    const transform = makeOptimizer(problem.descent.optimizer, problem.descent.box);
    return {
      engine: 'tfjs',
      how: 'op by op on the active tfjs backend, float32',
      runChunk: (x0, ctl) => descendChunk(withFrozenColumns(problem.objective.f, problem.d, problem.descent.frozen ?? 0), x0, problem.d, problem.descent.maxIter, plan, transform, ctl),
    };
  },
};

/**
 * f whose last `frozen` input columns (parameters) pass no gradient back: the same frozen
 * columns as the fused kernels' tape (kernels/ad/build.ts), so no optimizer moves them and the
 * termination rule sees only the free gradient.
 */
export function withFrozenColumns(f: ObjectiveFn, d: number, frozen: number): ObjectiveFn {
  if (frozen === 0) return f;
  const mask = tf.tensor1d(Array.from({ length: d }, (_, j) => (j < d - frozen ? 1 : 0)));
  const stopParams = tf.customGrad(((x: Tensor) => ({ value: tf.clone(x), gradFunc: (dy: Tensor) => tf.mul(dy, mask) })) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (x) => f(stopParams(x) as Tensor2D);
}

/** The per-row codes read back at a check: RUNNING, or the status a row ends with. */
async function descendChunk(f: ObjectiveFn, x0: Float32Array, d: number, maxIter: number, plan: RulePlan, transform: Transform, ctl: ChunkControl): Promise<StartResults> {
  const m0 = x0.length / d;
  const out = allocateResults(m0, d);
  out.x0.set(x0);
  if (m0 === 0) return out;
  // tfjs-webgpu binds each [rows, d] tensor whole; a bigger one would silently compute nothing.
  const tooBig = tf.getBackend() === 'webgpu' ? chunkTooBig(Math.max(m0, ctl.chunkRows), d, webgpuBindingLimit()) : undefined;
  if (tooBig) throw new UserError(tooBig);
  const R = tensorRows(d);
  const T = tensorOps;
  const gradOf = tf.grad((x: Tensor) => tf.sum(f(x as Tensor2D)));

  // A last chunk smaller than the others is padded up to one of the bucket sizes that compaction
  // uses (halvings of the chunk size), so it brings no new shapes: shaders compile once per size.
  // (A run of one chunk has its own shape anyway and is not padded.)
  const minRows = Math.min(m0, 256);
  const rows = ctl.chunks > 1 && ctl.chunkRows > m0 ? shrinkTarget(ctl.chunkRows, m0, minRows) : m0;
  const padded = rows === m0 ? x0 : Float32Array.from({ length: rows * d }, (_, k) => x0[k % (m0 * d)]);
  let x = tf.tensor2d(padded, [rows, d]);
  let state: Tensor[] = tf.tidy(() => transform.init(T, x));
  // owner[r] = index in the chunk of live row r, or −1 for a padding row (a duplicate kept only
  // so the batch keeps a bucketed shape) or a row that has finished.
  let owner = Int32Array.from({ length: rows }, (_, i) => (i < m0 ? i : -1));
  const scalars = (t: number) => transform.scalars(t).map((v) => T.c(v));
  // A line search (transform.rows) needs f, the descended one, at every step.
  const move = (xc: Tensor2D, g: Tensor, sc: Tensor[], t: number, fx?: Tensor) =>
    transform.rows ? transform.rows.update(R, g, descendedValue(R, plan, fx!), sc, xc) : transform.update(T, g, sc, xc, scalars(t));
  let finishedSoFar = 0;

  try {
    for (let t = 0; ; t++) {
      const isCheck = t % ctl.checkEvery === 0 || t === maxIter;
      if (!isCheck) {
        const next = tf.tidy(() => {
          const vg = transform.rows ? valueAndGradRows(f, x) : { g: gradOf(x), fx: undefined };
          const u = move(x, descended(R, plan, vg.g), state, t, vg.fx);
          const moved = { x: moveOf(R, plan, x, u.step) as Tensor2D, state: u.state };
          // valueAndGradRows keeps f out of every tidy: it is ours to free.
          if (vg.fx) vg.fx.dispose();
          return moved;
        });
        tf.dispose([x, ...state]);
        ({ x, state } = next);
        continue;
      }
      // A check: f, gradient, step and the rule's status per row, all on the device; one readback.
      const checked = tf.tidy(() => {
        const { fx, g: grad } = valueAndGradRows(f, x);
        const g = descended(R, plan, grad);
        const u = move(x, g, state, t, fx);
        const q = stepTest(R, plan, x, g, u.step, fx);
        const { code, gn } = finishStatus(R, q, fx, x);
        const atLimit = t === maxIter;
        const status = atLimit ? code : tf.where(ends(R, q), code, tf.scalar(RUNNING));
        return { status: tf.cast(status, 'int32'), fx, gn: gn as Tensor1D, x2: q.x2 as Tensor2D, s2: u.state };
      });
      const codes = (await checked.status.data()) as Int32Array;
      // On cpu and wasm, data() resolves as a microtask: without a macrotask turn here the loop
      // would never let the event loop run, and Ctrl-C, timers and I/O would wait until the end.
      await macrotask();
      const aborted = !!ctl.signal?.aborted;
      const finished: number[] = [];
      const stillLive: number[] = [];
      for (let r = 0; r < codes.length; r++) {
        if (owner[r] < 0) continue;
        if (codes[r] !== RUNNING || aborted) finished.push(r);
        else stillLive.push(r);
      }
      if (finished.length > 0 || ctl.onCheck) {
        await record(out, ctl.onCheck ? [...finished, ...stillLive] : finished, finished.length, owner, codes, x, checked.fx, checked.gn, t, d, ctl);
      }
      finishedSoFar += finished.length;
      ctl.onProgress?.({ done: finishedSoFar, live: stillLive.length, iteration: t });
      tf.dispose([x, ...state, checked.status, checked.fx, checked.gn]);
      x = checked.x2;
      state = checked.s2;
      if (stillLive.length === 0) break;
      for (const r of finished) owner[r] = -1;
      const target = ctl.compact ? shrinkTarget(owner.length, stillLive.length, minRows) : owner.length;
      if (target < owner.length) ({ x, state, owner } = compactRows(x, state, owner, stillLive, target));
    }
  } finally {
    tf.dispose([x, ...state]);
  }
  return out;
}

/**
 * f and ∇f per row from one forward pass: f is kept out of the gradient's tidy so the caller gets
 * both (tf.grad alone returns only the gradient).
 */
export function valueAndGradRows(f: ObjectiveFn, x: Tensor2D): { fx: Tensor1D; g: Tensor2D } {
  let fx: Tensor1D | undefined;
  const g = tf.grad((xs: Tensor) => {
    fx = tf.keep(f(xs as Tensor2D));
    return tf.sum(fx);
  })(x) as Tensor2D;
  return { fx: fx!, g };
}

/**
 * Reads back rows (the first `nFinished` of them finished at this check) and records the finished
 * ones: their end point, f, ‖g‖, nit and status (interrupted when the run was aborted).
 */
async function record(out: StartResults, rows: number[], nFinished: number, owner: Int32Array, codes: Int32Array, x: Tensor2D, fx: Tensor1D, gn: Tensor1D, t: number, d: number, ctl: ChunkControl): Promise<void> {
  const idx = tf.tensor1d(Int32Array.from(rows), 'int32');
  const [xs, fs, gs] = await Promise.all(
    [tf.gather(x, idx), tf.gather(fx, idx), tf.gather(gn, idx)].map(async (v) => {
      const data = await v.data();
      v.dispose();
      return data as Float32Array;
    }),
  );
  idx.dispose();
  for (let k = 0; k < nFinished; k++) {
    const r = rows[k];
    const i = owner[r];
    out.x.set(xs.subarray(k * d, (k + 1) * d), i * d);
    out.fun[i] = fs[k];
    out.gradNorm[i] = gs[k];
    out.nit[i] = t;
    out.status[i] = codes[r] === RUNNING ? STATUS.interrupted.code : codes[r];
  }
  ctl.onCheck?.({
    t,
    rows: Int32Array.from(rows, (r) => owner[r]),
    x: xs,
    f: fs,
    gradNorm: gs,
    ended: Uint8Array.from(rows, (_, k) => (k < nFinished ? 1 : 0)),
  });
}

/** Keeps the still-live rows (padded by repeating live rows up to `size`), in x and in every state tensor. */
function compactRows(x: Tensor2D, state: Tensor[], owner: Int32Array, liveRows: number[], size: number) {
  const pick = Int32Array.from({ length: size }, (_, k) => liveRows[k % liveRows.length]);
  const idx = tf.tensor1d(pick, 'int32');
  const x2 = tf.gather(x, idx) as Tensor2D;
  const s2 = state.map((s) => tf.gather(s, idx));
  const owner2 = Int32Array.from({ length: size }, (_, k) => (k < liveRows.length ? owner[liveRows[k]] : -1));
  tf.dispose([x, ...state, idx]);
  return { x: x2, state: s2, owner: owner2 };
}

/** One turn of the event loop (MessageChannel: setImmediate's job, in browsers too). */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
