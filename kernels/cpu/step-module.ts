import binaryen from 'binaryen';
import type { DescentOptions } from '../../src/descent/options.ts';
import { STATUS } from '../../src/descent/status.ts';
import type { Tape } from '../ad/tape.ts';
import { escapeGeometry, RUNNING, stateVectors } from '../semantics.ts';
import type { FusedDtype } from '../types.ts';
import { Body } from './body.ts';
import type { ConstPool } from './const-pool.ts';
import { finishModule, MEMORY, newModule } from './emit.ts';
import { Lanes, type V } from './lanes.ts';
import { fieldOffset, makeLayout, type Layout } from './layout.ts';
import { optimizerStep } from '../codegen/optimizer.ts';
import { emitTape, tapeEmitter } from '../codegen/tape.ts';
import { dependencies, finiteOnBox } from '../ad/slice.ts';
import { relativeXtol2, sqrtThreshold } from '../thresholds.ts';

export interface StepModule {
  bytes: Uint8Array<ArrayBuffer>;
  layout: Layout;
}

/**
 * The fused kernel as a wasm module with two exports over its memory (free from `heap_base` on):
 *   run(base, nGroups, t0, K, table) → groups still running
 *     advances every group of the block at `base` by up to K iterations (t0 … t0+K−1) of the
 *     fused semantics (semantics.ts), all state in registers, finished lanes frozen by mask;
 *     `table` holds adam's bias corrections, two scalars per iteration.
 *   evaluate(in, out, nVec)
 *     f and ∇f of nVec vectors of points ([v][j] vectors in, [v][f, g0..] vectors out), for tests.
 * Hyperparameters, the box and the tolerances are baked in as constants.
 */
export function buildStepModule(tape: Tape, opts: DescentOptions, dtype: FusedDtype, unroll: number): StepModule {
  const layout = makeLayout(dtype, tape.d, stateVectors(opts.optimizer.name), unroll);
  const { m, pool } = newModule();
  addRun(m, pool, tape, opts, layout);
  addEvaluate(m, pool, tape, dtype);
  return { bytes: finishModule(m, pool), layout };
}

function addRun(m: binaryen.Module, pool: ConstPool, tape: Tape, opts: DescentOptions, layout: Layout): void {
  const i32 = binaryen.i32;
  const params = [i32, i32, i32, i32, i32];
  const [BASE, NGROUPS, T0, K, TABLE] = [0, 1, 2, 3, 4];
  const body = new Body(m, params, pool);
  const L = new Lanes(body, layout.dtype);
  const get = (idx: number) => m.local.get(idx, i32);
  const set = (idx: number, e: number) => body.emit(m.local.set(idx, e));
  const [gIdx, p, t, k, remaining] = [body.local(i32), body.local(i32), body.local(i32), body.local(i32), body.local(i32)];
  const { d, unroll: U } = layout;
  const f32 = layout.dtype === 'float32';
  const scalarBytes = f32 ? 4 : 8;
  const clip = opts.bounds === 'clip';
  const { centre, radius } = escapeGeometry(opts);
  const checkEscape = radius.map((r) => Number.isFinite(r));
  const gtol2 = sqrtThreshold(opts.gtol, layout.dtype);
  const xtol2 = sqrtThreshold(opts.xtol, layout.dtype);
  const relXtol2 = opts.xtol > 0 ? relativeXtol2(layout.dtype) : 0;
  const at = (field: number, u: number) => fieldOffset(layout, field, u);
  const load = (field: number, u: number) => L.load(get(p), at(field, u));
  const store = (field: number, u: number, v: V) => L.store(get(p), at(field, u), v);
  const anyOf = (vs: V[]) => L.anyTrue(vs.reduce((a, b) => L.or(a, b)));
  // f enters a step only through its finiteness test. Where every axis has an escape bound and
  // interval arithmetic proves f finite on the escape box, "x inside" implies "f finite": the
  // test is exact without f, so each step emits only what ∇f needs and f is evaluated where a
  // start finishes (same results, bit for bit).
  const escapeBox = centre.map((c, j) => [c - radius[j], c + radius[j]] as const);
  const bounded = checkEscape.every(Boolean);
  const lazyF = bounded && finiteOnBox(tape, tape.f, escapeBox);
  const everything = new Uint8Array(tape.instrs.length).fill(1);
  const stepNeed = lazyF ? dependencies(tape, tape.grad) : everything;
  // With xtol = 0 the xtol test is ‖step‖² ≤ 0 + 0·‖x‖²; inside a box where ‖x‖² cannot
  // overflow, 0·‖x‖² is 0 and the product need not be formed (outside it the start ends anyway).
  const xtolZero = opts.xtol === 0 && bounded &&
    escapeBox.reduce((acc, [lo, hi]) => acc + Math.max(lo * lo, hi * hi), 0) < 1e36;

  set(remaining, m.i32.const(0));
  set(gIdx, m.i32.const(0));
  body.emit(m.block('groups_done', [m.loop('groups', body.block(() => {
    body.emit(m.br('groups_done', m.i32.ge_u(get(gIdx), get(NGROUPS))));
    set(p, m.i32.add(get(BASE), m.i32.mul(get(gIdx), m.i32.const(layout.recordBytes))));
    const xs = range(U).map((u) => range(d).map((j) => L.variable(load(layout.x + j, u))));
    const st = range(U).map((u) => range(layout.nState).map((s) => range(d).map((j) => L.variable(load(layout.state + s * d + j, u)))));
    const active = range(U).map((u) => L.variable(L.eq(load(layout.status, u), L.c(RUNNING))));
    const fixF = range(U).map(() => L.variable(L.ci(0n)));

    body.emit(m.if(anyOf(active.map((a) => a.v)), body.block(() => {
      const limit = L.variable(L.c(0));
      set(t, get(T0));
      set(k, m.i32.const(0));
      // A step is emitted twice. The fast copy, in the inner loop, has no calls: sin/cos only
      // report the lanes beyond their vector range reduction, and if any lane of the group has
      // one the step is left uncommitted and redone by the slow copy (Math.sin/cos through the
      // imports for those lanes), after which the fast loop resumes. Calls clobber every vector
      // register, so keeping them out of the hot loop saves the spills around each sin/cos.
      const emitStep = (fast: boolean): boolean => {
        let bigAny: V | undefined;
        const onBig = fast ? (big: V) => { bigAny = bigAny ? L.or(bigAny, big) : big; } : undefined;
        let corr: [V, V] | undefined;
        if (opts.optimizer.name === 'adam') {
          const row = () => m.i32.add(get(TABLE), m.i32.mul(get(t), m.i32.const(2 * scalarBytes)));
          const ld = (off: number) => L.splat(f32 ? m.f32.load(off, 4, row(), MEMORY) : m.f64.load(off, 8, row(), MEMORY));
          corr = [ld(0), ld(scalarBytes)];
        }
        const commits = range(U).map((u) => {
          // Snapshots: the variables are reassigned below, and a V reads its local when used.
          const x = xs[u].map((xv) => L.let(xv.v.get()));
          const tapeCode = tapeEmitter(L, tape, x);
          tapeCode.emit(stepNeed, onBig);
          const vals = tapeCode.vals as V[];
          const g = tape.grad.map((gi) => (opts.sense === 'max' ? L.neg(vals[gi]) : vals[gi]));
          const steps = range(d).map((j) => optimizerStep(L, opts.optimizer, g[j], st[u].map((s) => s[j].v), corr));
          const x2 = range(d).map((j) => {
            const moved = L.add(x[j], steps[j].step);
            return clip ? L.min(L.max(moved, L.c(opts.box[j][0])), L.c(opts.box[j][1])) : moved;
          });
          const gp = clip
            ? range(d).map((j) => {
                const blocked = L.or(
                  L.and(L.le(x[j], L.c(opts.box[j][0])), L.gt(g[j], L.c(0))),
                  L.and(L.ge(x[j], L.c(opts.box[j][1])), L.lt(g[j], L.c(0))),
                );
                return L.sel(blocked, L.c(0), g[j]);
              })
            : g;
          const sq = (v: V) => L.mul(v, v);
          const gn2 = gp.map(sq).reduce((a, b) => L.add(a, b));
          const moves = clip ? range(d).map((j) => L.sub(x2[j], x[j])) : steps.map((s) => s.step);
          const sn2 = moves.map(sq).reduce((a, b) => L.add(a, b));

          // The per-step test, cheapened: "good" is f, ‖g‖ finite and x inside the escape box (an
          // infinite or NaN x fails |x − c| ≤ R); ‖g‖ ≤ gtol and ‖step‖ ≤ xtol are tested on the
          // squares against exact thresholds. Which reason ended a start is sorted out only in the
          // (rare) branch where some lane finishes.
          const selfDiff = (v: V) => L.sub(v, v);
          const unbounded = range(d).filter((j) => !checkEscape[j]).map((j) => selfDiff(x[j]));
          const terms = [...(lazyF ? [] : [selfDiff(vals[tape.f])]), ...unbounded];
          const gn2Diff = terms.length === 0 ? undefined : selfDiff(gn2);
          const nanIfBad = gn2Diff ? [...terms, gn2Diff].reduce((a, b) => L.add(a, b)) : undefined;
          // |x − c| ≤ R as −R ≤ x − c ≤ R (the same for every x, NaN included), and x − 0 = x.
          const inside = range(d).filter((j) => checkEscape[j]).map((j) => {
            const dx = centre[j] === 0 ? x[j] : L.sub(x[j], L.c(centre[j]));
            return L.and(L.ge(dx, L.c(-radius[j])), L.le(dx, L.c(radius[j])));
          });
          // ‖g‖² ≥ 0 or NaN, so "finite" is "< ∞" when it is the only term.
          const finiteTerms = nanIfBad ? L.eq(nanIfBad, nanIfBad) : L.lt(gn2, L.inf);
          const good = [finiteTerms, ...inside].reduce((a, b) => L.and(a, b));
          const conv = L.le(gn2, L.c(gtol2));
          // As in src/descent/run.ts: a step below the dtype's resolution at x cannot move x.
          const xtol = xtolZero
            ? L.le(sn2, L.c(0))
            : L.le(sn2, L.add(L.c(xtol2), L.mul(L.c(relXtol2), x.map(sq).reduce((a, b) => L.add(a, b)))));
          const reasons = L.or(L.or(conv, xtol), limit.v);
          return () => {
            const was = L.let(active[u].v.get());
            const now = L.and(was, L.andNot(good, reasons));
            active[u].set(now);
            if (clip) xs[u].forEach((xv, j) => xv.set(L.sel(now, x2[j], xv.v)));
            // x + 0 = x exactly: a frozen lane adds a masked-out step.
            else xs[u].forEach((xv, j) => xv.set(L.add(x[j], L.and(steps[j].step, now))));
            st[u].forEach((s, si) => s.forEach((sv, j) => sv.set(L.sel(now, steps[j].state[si], sv.v))));

            // Finishing is rare: the outputs live in memory, written only when some lane finishes.
            const done = L.andNot(was, now);
            return { done, record: () => {
              // The rest of f. In the fast copy its sin/cos have no slow path either: lanes
              // beyond the range are marked, and f and the status are redone for them after
              // the loop (fixF).
              let bigF: V | undefined;
              tapeCode.emit(everything, fast && lazyF ? (big: V) => { bigF = bigF ? L.or(bigF, big) : big; } : undefined);
              if (bigF) fixF[u].set(L.or(fixF[u].v, L.and(bigF, done)));
              const f = vals[tape.f];
              const gn = L.sqrt(gn2);
              const finite = [L.finite(f), L.finite(gn), ...x.map((xj) => L.finite(xj))].reduce((a, b) => L.and(a, b));
              const code = L.sel(finite,
                L.sel(L.not(good), L.c(STATUS.escaped.code),
                  L.sel(conv, L.c(STATUS.gtol.code), L.sel(xtol, L.c(STATUS.xtol.code), L.c(STATUS.maxiter.code)))),
                L.c(STATUS.nonfinite.code));
              const tf = L.splat(f32 ? m.f32.convert_s.i32(get(t)) : m.f64.convert_s.i32(get(t)));
              const put = (field: number, v: V) => store(field, u, L.sel(done, v, load(field, u)));
              put(layout.status, code);
              put(layout.nit, tf);
              put(layout.fun, f);
              put(layout.gradNorm, gn);
              x.forEach((xj, j) => put(layout.xOut + j, xj));
              // A finished start's working x is never read again (its outputs are in xOut): park
              // it at the centre, so that a start that escaped far does not keep sending every
              // later step of its group to the slow copy.
              if (bounded) xs[u].forEach((xv, j) => xv.set(L.sel(done, L.c(centre[j]), xv.v)));
            } };
          };
        });
        if (bigAny) body.emit(m.br('slow', L.anyTrue(bigAny)));
        // One branch for the whole group: the outputs of the starts that finished this step.
        const finished = commits.map((c) => c());
        body.emit(m.if(anyOf(finished.map((r) => r.done)), body.block(() => finished.forEach((r) => r.record()))));
        body.emit(m.br('stop', m.i32.eqz(anyOf(active.map((a) => a.v)))));
        set(t, m.i32.add(get(t), m.i32.const(1)));
        set(k, m.i32.add(get(k), m.i32.const(1)));
        return bigAny !== undefined;
      };
      let needsSlow = false;
      const fastLoop = body.block(() => {
        body.emit(m.loop('step', body.block(() => {
          body.emit(m.br('stop', m.i32.ge_u(get(k), get(K))));
          // At t = maxIter every running start ends; a scalar branch sets the mask only then.
          body.emit(m.if(m.i32.ge_s(get(t), m.i32.const(opts.maxIter)), body.block(() => limit.set(L.ci(-1n)))));
          needsSlow = emitStep(true);
          body.emit(m.br('step'));
        })));
      }, 'slow');
      body.emit(m.block('stop', [m.loop('resume', body.block(() => {
        body.emit(fastLoop);
        if (needsSlow) {
          emitStep(false);
          body.emit(m.br('resume'));
        }
      }))]));
      for (let u = 0; u < U; u++) {
        // Starts that finished in the fast loop with an f whose sin/cos needed the slow path:
        // f at their final x (xOut) once more, with it, and nonfinite if that f is not finite.
        L.when(fixF[u].v, () => {
          const fix = L.let(fixF[u].v.get());
          const vals = emitTape(L, tape, range(d).map((j) => load(layout.xOut + j, u)));
          const f = vals[tape.f];
          store(layout.fun, u, L.sel(fix, f, load(layout.fun, u)));
          store(layout.status, u, L.sel(L.andNot(fix, L.finite(f)), L.c(STATUS.nonfinite.code), load(layout.status, u)));
        });
        xs[u].forEach((xv, j) => store(layout.x + j, u, xv.v));
        st[u].forEach((s, si) => s.forEach((sv, j) => store(layout.state + si * d + j, u, sv.v)));
      }
      set(remaining, m.i32.add(get(remaining), anyOf(active.map((a) => a.v))));
    })));
    set(gIdx, m.i32.add(get(gIdx), m.i32.const(1)));
    body.emit(m.br('groups'));
  }))]));
  body.emit(m.return(get(remaining)));
  m.addFunction('run', binaryen.createType(params), i32, body.locals, body.finish());
  m.addFunctionExport('run', 'run');
}

function addEvaluate(m: binaryen.Module, pool: ConstPool, tape: Tape, dtype: FusedDtype): void {
  const i32 = binaryen.i32;
  const params = [i32, i32, i32];
  const body = new Body(m, params, pool);
  const L = new Lanes(body, dtype);
  const get = (idx: number) => m.local.get(idx, i32);
  const v = body.local(i32);
  const d = tape.d;
  body.emit(m.local.set(v, m.i32.const(0)));
  body.emit(m.block('done', [m.loop('next', body.block(() => {
    body.emit(m.br('done', m.i32.ge_u(get(v), get(2))));
    const inPtr = () => m.i32.add(get(0), m.i32.mul(get(v), m.i32.const(16 * d)));
    const xs = range(d).map((j) => L.load(inPtr(), 16 * j));
    const vals = emitTape(L, tape, xs);
    const outPtr = () => m.i32.add(get(1), m.i32.mul(get(v), m.i32.const(16 * (d + 1))));
    L.store(outPtr(), 0, vals[tape.f]);
    tape.grad.forEach((gi, j) => L.store(outPtr(), 16 * (j + 1), vals[gi]));
    body.emit(m.local.set(v, m.i32.add(get(v), m.i32.const(1))));
    body.emit(m.br('next'));
  }))]));
  m.addFunction('evaluate', binaryen.createType(params), binaryen.none, body.locals, body.finish());
  m.addFunctionExport('evaluate', 'evaluate');
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
