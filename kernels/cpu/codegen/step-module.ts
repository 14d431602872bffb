import binaryen from 'binaryen';
import type { DescentOptions } from '../../../core/options.ts';
import { RUNNING, STATUS } from '../../../core/status.ts';
import type { Tape } from '../../ad/tape.ts';
import type { FusedDtype } from '../../types.ts';
import { Body } from './body.ts';
import type { ConstPool } from './const-pool.ts';
import { finishModule, MEMORY, newModule } from './emit.ts';
import { Lanes, type V } from './lanes.ts';
import { fieldOffset, makeLayout, type Layout } from '../layout.ts';
import { finishStatusLanes, range, stepPlan, stepTestLanes, type StepPlan } from '../../codegen/step.ts';
import { emitTape, tapeEmitter } from '../../codegen/tape.ts';

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
  const plan = stepPlan(tape, opts, dtype);
  const layout = makeLayout(dtype, tape.d, plan.nState, unroll);
  const { m, pool } = newModule();
  addRun(m, pool, plan, layout);
  addEvaluate(m, pool, tape, dtype);
  return { bytes: finishModule(m, pool), layout };
}

function addRun(m: binaryen.Module, pool: ConstPool, plan: StepPlan, layout: Layout): void {
  const { tape, opts } = plan;
  const i32 = binaryen.i32;
  const params = [i32, i32, i32, i32, i32];
  const [BASE, NGROUPS, T0, K, TABLE] = [0, 1, 2, 3, 4];
  const body = new Body(m, params, pool);
  const L = new Lanes(body, layout.dtype);
  const get = (idx: number) => m.local.get(idx, i32);
  const set = (idx: number, e: number) => body.emit(m.local.set(idx, e));
  const [gIdx, p, t, k, remaining, anyFix] = range(6).map(() => body.local(i32));
  const { d, unroll: U } = layout;
  const f32 = layout.dtype === 'float32';
  const scalarBytes = f32 ? 4 : 8;
  const at = (field: number, u: number) => fieldOffset(layout, field, u);
  const load = (field: number, u: number) => L.load(get(p), at(field, u));
  const store = (field: number, u: number, v: V) => L.store(get(p), at(field, u), v);
  const anyOf = (vs: V[]) => L.anyTrue(vs.reduce((a, b) => L.or(a, b)));
  const orInto = (acc: V | undefined, v: V) => (acc ? L.or(acc, v) : v);

  set(remaining, m.i32.const(0));
  set(gIdx, m.i32.const(0));
  body.emit(m.block('groups_done', [m.loop('groups', body.block(() => {
    body.emit(m.br('groups_done', m.i32.ge_u(get(gIdx), get(NGROUPS))));
    set(p, m.i32.add(get(BASE), m.i32.mul(get(gIdx), m.i32.const(layout.recordBytes))));
    const xs = range(U).map((u) => range(d).map((j) => L.variable(load(layout.x + j, u))));
    const st = range(U).map((u) => range(layout.nState).map((s) => range(d).map((j) => L.variable(load(layout.state + s * d + j, u)))));
    // A start runs while its status in memory is RUNNING; the mask mirrors that in registers.
    const active = range(U).map((u) => L.variable(L.eq(load(layout.status, u), L.c(RUNNING))));

    body.emit(m.if(anyOf(active.map((a) => a.v)), body.block(() => {
      set(t, get(T0));
      set(k, m.i32.const(0));
      set(anyFix, m.i32.const(0));
      // The optimizer's scalars for iteration t (Transform.scalars), row t of the table.
      const scalarsAt = (): V[] => {
        const row = () => m.i32.add(get(TABLE), m.i32.mul(get(t), m.i32.const(plan.nScalars * scalarBytes)));
        const ld = (off: number) => L.splat(f32 ? m.f32.load(off, 4, row(), MEMORY) : m.f64.load(off, 8, row(), MEMORY));
        return range(plan.nScalars).map((i) => ld(i * scalarBytes));
      };
      // The tape's `need` part and the tests at x with optimizer state `state` ([vector][coordinate]).
      // x is snapshotted: the variables are reassigned by the commit, and a V reads its local when used.
      const testsAt = (at: { x: V[]; state: V[][] }, need: Uint8Array, onBig: ((big: V) => void) | undefined, ks: V[]) => {
        const x = at.x.map((xj) => L.let(xj.get()));
        const tapeCode = tapeEmitter(L, tape, x);
        tapeCode.emit(need, onBig);
        const vals = tapeCode.vals as V[];
        return { x, vals, q: stepTestLanes(L, plan, x, vals, at.state, ks) };
      };
      const registers = (u: number) => ({ x: xs[u].map((xv) => xv.v), state: st[u].map((s) => s.map((sv) => sv.v)) });
      // Writes the outputs of the `done` lanes of vector u, which is at x with state `state`. A
      // lane that ends is not moved (its step is masked out, its state kept), so everything is
      // recomputed here, bit for bit what the step saw: nothing computed in the step has to stay
      // live across this rare branch, which keeps the hot loop's values in registers. In the fast
      // copy f's sines and cosines have no slow path: lanes beyond their range set anyFix, and f
      // is redone after the loop. Returns the x to keep: a finished start's working x is never
      // read again (its outputs are in xOut), so it is parked at the centre, where it cannot keep
      // sending every later step of its group to the slow copy.
      const record = (u: number, at: { x: V[]; state: V[][] }, done: V, fast: boolean): V[] => {
        let big: V | undefined;
        const { x, vals, q } = testsAt(at, plan.everything, fast ? (b) => { big = orInto(big, b); } : undefined, scalarsAt());
        if (big) set(anyFix, m.i32.or(get(anyFix), L.anyTrue(L.and(big, done))));
        const f = vals[tape.f];
        const { code, gn } = finishStatusLanes(L, q, f, x);
        const tf = L.splat(f32 ? m.f32.convert_s.i32(get(t)) : m.f64.convert_s.i32(get(t)));
        const put = (field: number, v: V) => store(field, u, L.sel(done, v, load(field, u)));
        put(layout.status, code);
        put(layout.nit, tf);
        put(layout.fun, f);
        put(layout.gradNorm, gn);
        x.forEach((xj, j) => put(layout.xOut + j, xj));
        return plan.rule.unbounded.length === 0 ? x.map((xj, j) => L.sel(done, L.c(plan.rule.centre[j]), xj)) : x;
      };
      // A step is emitted twice. The fast copy, in the inner loop, has no calls: sin/cos only
      // report the lanes beyond their vector range reduction, and if any lane of the group has
      // one the step is left uncommitted and redone by the slow copy (Math.sin/cos through the
      // imports for those lanes), after which the fast loop resumes. Calls clobber every vector
      // register, so keeping them out of the hot loop saves the spills around each sin/cos.
      const emitStep = (fast: boolean): boolean => {
        let bigAny: V | undefined;
        const onBig = fast ? (big: V) => { bigAny = orInto(bigAny, big); } : undefined;
        const ks = scalarsAt();
        const tests = range(U).map((u) => testsAt(registers(u), plan.stepNeed, onBig, ks));
        if (bigAny) body.emit(m.br('slow', L.anyTrue(bigAny)));
        let ended: V | undefined;
        tests.forEach(({ x, q }, u) => {
          const was = L.let(active[u].v.get());
          const now = L.and(was, L.andNot(q.good, L.or(q.conv, q.xtol)));
          active[u].set(now);
          // A frozen lane keeps its x bit for bit (−0 included).
          xs[u].forEach((xv, j) => xv.set(L.sel(now, q.x2[j], x[j])));
          st[u].forEach((s, si) => s.forEach((sv, j) => sv.set(L.sel(now, q.state[si][j], sv.v))));
          ended = orInto(ended, L.andNot(was, now));
        });
        // One branch for the whole group, taken only at a step where some start ends.
        body.emit(m.if(L.anyTrue(ended!), body.block(() => {
          range(U).forEach((u) => {
            const kept = record(u, registers(u), L.andNot(L.eq(load(layout.status, u), L.c(RUNNING)), active[u].v), fast);
            xs[u].forEach((xv, j) => xv.set(kept[j]));
          });
          body.emit(m.br('stop', m.i32.eqz(anyOf(active.map((a) => a.v)))));
        })));
        set(t, m.i32.add(get(t), m.i32.const(1)));
        set(k, m.i32.add(get(k), m.i32.const(1)));
        return bigAny !== undefined;
      };
      let needsSlow = false;
      const fastLoop = body.block(() => {
        body.emit(m.loop('step', body.block(() => {
          body.emit(m.br('stop', m.i32.ge_u(get(k), get(K))));
          body.emit(m.br('stop', m.i32.ge_s(get(t), m.i32.const(opts.maxIter))));
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
        xs[u].forEach((xv, j) => store(layout.x + j, u, xv.v));
        st[u].forEach((s, si) => s.forEach((sv, j) => store(layout.state + si * d + j, u, sv.v)));
      }
      // t = maxIter: every start still running ends. This is outside the loops, so the hot loop
      // needs no per-step limit mask, and it reads x and the state back from memory: the same
      // pure expressions on the loop's registers would be merged with the step's by the engine's
      // value numbering and computed (and spilled) before the branch, at every step.
      body.emit(m.if(m.i32.and(m.i32.ge_s(get(t), m.i32.const(opts.maxIter)), anyOf(active.map((a) => a.v))), body.block(() => {
        range(U).forEach((u) => {
          const fromMemory = {
            x: range(d).map((j) => load(layout.x + j, u)),
            state: range(layout.nState).map((s) => range(d).map((j) => load(layout.state + s * d + j, u))),
          };
          const kept = record(u, fromMemory, active[u].v, false);
          kept.forEach((xj, j) => store(layout.x + j, u, xj));
          active[u].set(L.ci(0n));
        });
      })));
      // Starts that ended in the fast loop with an f whose sin/cos needed the slow path: f at
      // their final x (xOut) once more, with it, and nonfinite if that f is not finite. Redoing
      // it for every ended lane of the group changes nothing for the others (same code, same x).
      body.emit(m.if(get(anyFix), body.block(() => {
        for (let u = 0; u < U; u++) {
          const fix = L.ne(load(layout.status, u), L.c(RUNNING));
          const f = emitTape(L, tape, range(d).map((j) => load(layout.xOut + j, u)))[tape.f];
          store(layout.fun, u, L.sel(fix, f, load(layout.fun, u)));
          store(layout.status, u, L.sel(L.andNot(fix, L.finite(f)), L.c(STATUS.nonfinite.code), load(layout.status, u)));
        }
      })));
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
