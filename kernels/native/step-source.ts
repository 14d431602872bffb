import type { DescentOptions } from '../../core/options.ts';
import type { Tape } from '../ad/tape.ts';
import { finishStatusLanes, range, stepPlan, stepTestLanes } from '../codegen/step.ts';
import { emitTape, tapeEmitter } from '../codegen/tape.ts';
import { RUNNING } from '../../core/status.ts';
import type { V } from '../vector-ops.ts';
import { CBody } from './c-body.ts';
import { CLanes } from './c-lanes.ts';
import type { LaneFamily } from './lane-family.ts';
import { nativeFieldOffset, type NativeLayout } from './layout.ts';

/**
 * `bm_groups(base, g0, g1, t0, K, table)`: groups g0 … g1−1 of the records at `base` advanced by
 * up to K iterations (t0 … t0+K−1) of the fused semantics; returns the starts still running.
 * This is cpu/step-module.ts's `run` in C, from the same generators, so it computes the same
 * bits: the loop state in variables (registers), a lane mask freezing finished starts; a fast
 * copy of the step without calls whose sines and cosines only report lanes beyond their range,
 * and a slow copy (libm sin/cos for those lanes) that one step at a time takes over when any
 * does; f only where a start ends when it is provably finite on the escape box; a finishing
 * start's outputs recomputed where it stopped (bm_record); the t = maxIter ending after the
 * loop, from memory. The comments in step-module.ts give the reasons. Two differences, both for
 * the C compiler: bm_record is one function out of line (see there), and each vector's step is
 * computed and its new values formed before the next vector's (see groupsFunctionSource).
 */
export function stepFunctionSource(tape: Tape, opts: DescentOptions, layout: NativeLayout, main: LaneFamily, wide?: LaneFamily): string {
  return [recordFunctionSource(tape, opts, layout, main, wide), groupsFunctionSource(tape, opts, layout, main, wide)].join('\n');
}

/** The loads and stores of one vector of a record, `q` pointing at its vector u. */
function recordAccess(body: CBody, L: CLanes, layout: NativeLayout, ptr: string) {
  const stride = layout.unroll * layout.vectorBytes;
  return {
    load: (field: number) => L.let(`*(const ${L.F} *)(${ptr} + ${field * stride})`),
    store: (field: number, v: V) => body.emit(`*(${L.F} *)(${ptr} + ${field * stride}) = ${v.get()};`),
  };
}

/**
 * `bm_record(q, x, state, done, t, table, kept)`: writes the outputs of the `done` lanes of the
 * vector at q (status, nit, f, ‖g‖, xOut), which is at x with optimizer state `state`; `kept`
 * gets the x to keep. step-module.ts emits this inline, with a call-free copy in its fast loop
 * and an after-loop fix of f for lanes whose sin/cos needed the slow path; here it is one
 * function, out of line, with the slow path: a call costs nothing on this rare branch (the
 * registers are saved around it only there), f is right at once, and the kernel is a third the
 * size, which is what the C compiler's time goes by. A finishing lane is not moved, so
 * everything is recomputed at the point the step saw, bit for bit; a finished start's working x
 * is parked at the centre (bounded boxes) so it cannot keep sending its group to the slow step.
 */
function recordFunctionSource(tape: Tape, opts: DescentOptions, layout: NativeLayout, main: LaneFamily, wide?: LaneFamily): string {
  const body = new CBody();
  const L = new CLanes(body, main, wide);
  const { d } = layout;
  const plan = stepPlan(tape, opts, layout.dtype);
  const mem = recordAccess(body, L, layout, 'q');
  const x = range(d).map((j) => L.let(`x[${j}]`));
  const state = range(layout.nState).map((s) => range(d).map((j) => L.let(`state[${s * d + j}]`)));
  const ks = range(plan.nScalars).map((i) => L.splat(`table[${plan.nScalars} * t + ${i}]`));
  const done = L.maskRef('done');
  const tapeCode = tapeEmitter(L, tape, x);
  tapeCode.emit(plan.everything);
  const vals = tapeCode.vals as V[];
  const q = stepTestLanes(L, plan, x, vals, state, ks);
  const f = vals[tape.f];
  const { code, gn } = finishStatusLanes(L, q, f, x);
  const tf = L.splat(`(${main.p}s)t`);
  const put = (field: number, v: V) => mem.store(field, L.sel(done, v, mem.load(field)));
  put(layout.status, code);
  put(layout.nit, tf);
  put(layout.fun, f);
  put(layout.gradNorm, gn);
  x.forEach((xj, j) => put(layout.xOut + j, xj));
  const kept = plan.rule.unbounded.length === 0 ? x.map((xj, j) => L.sel(done, L.c(plan.rule.centre[j]), xj)) : x;
  kept.forEach((k, j) => body.emit(`kept[${j}] = ${k.get()};`));
  return `static BM_COLD void bm_record(char *q, const ${L.F} *x, const ${L.F} *state, ${L.maskType} done, int t, const ${main.p}s *table, ${L.F} *kept) {\n${body.code()}\n}\n`;
}

/** `bm_groups` itself: the loop over the groups of a chunk and, per group, the step loop. */
function groupsFunctionSource(tape: Tape, opts: DescentOptions, layout: NativeLayout, main: LaneFamily, wide?: LaneFamily): string {
  const body = new CBody();
  const L = new CLanes(body, main, wide);
  const F = L.F;
  const { d, unroll: U, nState } = layout;
  const plan = stepPlan(tape, opts, layout.dtype);
  const at = (field: number, u: number) => nativeFieldOffset(layout, field, u);
  const load = (field: number, u: number) => L.let(`*(const ${F} *)(p + ${at(field, u)})`);
  const store = (field: number, u: number, v: V) => body.emit(`*(${F} *)(p + ${at(field, u)}) = ${v.get()};`);
  const anyOf = (vs: V[]) => L.any(vs.reduce((a, b) => L.or(a, b)));
  const orInto = (acc: V | undefined, v: V) => (acc ? L.or(acc, v) : v);

  body.emit('int64_t remaining = 0;');
  body.emit(`${F} rx[${d}], rs[${Math.max(1, nState * d)}], rk[${d}];`);
  body.block('for (int64_t g = g0; g < g1; g++)', () => {
    body.emit(`char *p = base + g * (int64_t)${layout.recordBytes};`);
    const xs = range(U).map((u) => range(d).map((j) => L.variable(load(layout.x + j, u))));
    const st = range(U).map((u) => range(nState).map((s) => range(d).map((j) => L.variable(load(layout.state + s * d + j, u)))));
    const active = range(U).map((u) => L.variable(L.eq(load(layout.status, u), L.c(RUNNING))));

    body.block(`if (${anyOf(active.map((a) => a.v))})`, () => {
      body.emit('int t = t0, k = 0;');
      // The optimizer's scalars for iteration t (Transform.scalars), row t of the table.
      const scalarsAt = (): V[] => range(plan.nScalars).map((i) => L.splat(`table[${plan.nScalars} * t + ${i}]`));
      // The outputs of the `done` lanes of vector u, at x with state `state` (bm_record); returns the x to keep.
      const record = (u: number, x: V[], state: V[][], done: V): V[] => {
        x.forEach((xj, j) => body.emit(`rx[${j}] = ${xj.get()};`));
        state.forEach((s, si) => s.forEach((v, j) => body.emit(`rs[${si * d + j}] = ${v.get()};`)));
        body.emit(`bm_record(p + ${at(0, u)}, rx, rs, ${L.maskArg(done)}, t, table, rk);`);
        return range(d).map((j) => L.let(`rk[${j}]`));
      };
      const emitStep = (fast: boolean): boolean => {
        let bigAny: V | undefined;
        const onBig = fast ? (big: V) => { bigAny = orInto(bigAny, big); } : undefined;
        const ks = scalarsAt();
        // Each vector's step, tests and new values are computed in turn, before the slow-path
        // branch and the commit (which only renames them): C compilers for x86 do not reorder
        // this code before allocating registers, so the order here is what bounds the values
        // live at once (computing every vector's tests first and committing after measured
        // slower: their masks and moves were spilled).
        let ended: V | undefined;
        const commits = range(U).map((u) => {
          const x = xs[u].map((xv) => L.let(xv.v.get()));
          const tapeCode = tapeEmitter(L, tape, x);
          tapeCode.emit(plan.stepNeed, onBig, plan.trigInRange);
          const q = stepTestLanes(L, plan, x, tapeCode.vals as V[], st[u].map((s) => s.map((sv) => sv.v)), ks);
          const was = active[u].v;
          const now = L.and(was, L.andNot(q.good, L.or(q.conv, q.xtol)));
          ended = orInto(ended, L.andNot(was, now));
          // A frozen lane keeps its x bit for bit (−0 included).
          const x2 = x.map((xj, j) => L.sel(now, q.x2[j], xj));
          const s2 = st[u].map((s, si) => s.map((sv, j) => L.sel(now, q.state[si][j], sv.v)));
          return { now, x2, s2 };
        });
        if (bigAny) body.emit(`if (__builtin_expect(${L.any(bigAny)}, 0)) goto slow;`);
        commits.forEach(({ now, x2, s2 }, u) => {
          active[u].set(now);
          xs[u].forEach((xv, j) => xv.set(x2[j]));
          st[u].forEach((s, si) => s.forEach((sv, j) => sv.set(s2[si][j])));
        });
        // One branch for the whole group, taken only at a step where some start ends.
        body.block(`if (__builtin_expect(${L.any(ended!)}, 0))`, () => {
          range(U).forEach((u) => {
            const done = L.andNot(L.eq(load(layout.status, u), L.c(RUNNING)), active[u].v);
            const kept = record(u, xs[u].map((xv) => xv.v), st[u].map((s) => s.map((sv) => sv.v)), done);
            xs[u].forEach((xv, j) => xv.set(kept[j]));
          });
          body.emit(`if (!${anyOf(active.map((a) => a.v))}) goto stop;`);
        });
        body.emit('t++; k++;');
        return bigAny !== undefined;
      };
      let needsSlow = false;
      body.block('for (;;)', () => {
        body.block('for (;;)', () => {
          body.emit('if (k >= K) goto stop;');
          body.emit(`if (t >= ${opts.maxIter}) goto stop;`);
          needsSlow = emitStep(true);
        });
        if (needsSlow) {
          body.emit('slow: ;');
          // The slow copy recomputes the step at the same x. GCC would reuse the fast copy's
          // values (value numbering across the branch), keeping all of them live, spilled, in
          // the hot loop; an empty asm that "changes" the loop state makes them new values here.
          for (const v of [...xs.flat(), ...st.flat(2)]) body.emit(`BM_OPAQUE(${v.name});`);
          emitStep(false);
        }
      });
      body.emit('stop: ;');
      for (let u = 0; u < U; u++) {
        xs[u].forEach((xv, j) => store(layout.x + j, u, xv.v));
        st[u].forEach((s, si) => s.forEach((sv, j) => store(layout.state + si * d + j, u, sv.v)));
      }
      // t = maxIter: every start still running ends, after the loops (no limit mask in the hot loop).
      body.block(`if (t >= ${opts.maxIter} && ${anyOf(active.map((a) => a.v))})`, () => {
        range(U).forEach((u) => {
          const kept = record(u, range(d).map((j) => load(layout.x + j, u)), range(nState).map((s) => range(d).map((j) => load(layout.state + s * d + j, u))), active[u].v);
          kept.forEach((xj, j) => store(layout.x + j, u, xj));
          active[u].set(L.ci(0n));
        });
      });
      body.emit(`remaining += ${active.map((a) => L.count(a.v)).join(' + ')};`);
    });
  });
  body.emit('return remaining;');
  return `static int64_t bm_groups(char *base, int64_t g0, int64_t g1, int t0, int K, const ${main.p}s *table) {\n${body.code()}\n}\n`;
}

/**
 * `bm_evaluate(points, n, f, grad)`: f and ∇f at n points ([n, d] doubles, rounded to the lane
 * type) by the whole tape with its slow paths, as cpu/step-module.ts's `evaluate`.
 */
export function evaluateFunctionSource(tape: Tape, main: LaneFamily, wide?: LaneFamily): string {
  const body = new CBody();
  const L = new CLanes(body, main, wide);
  const { d } = tape;
  const W = main.width;
  body.block(`for (int64_t v = 0; v * ${W} < n; v++)`, () => {
    const xs = range(d).map((j) => {
      const name = body.declare(L.F);
      body.emit(`for (int l = 0; l < ${W}; l++) { int64_t i = v * ${W} + l; ${name}[l] = i < n ? (${main.p}s)pts[i * ${d} + ${j}] : 0; }`);
      return L.ref(name);
    });
    const vals = emitTape(L, tape, xs);
    const grads = tape.grad.map((gi, j) => `go[i * ${d} + ${j}] = ${vals[gi].get()}[l];`).join(' ');
    body.emit(`for (int l = 0; l < ${W}; l++) { int64_t i = v * ${W} + l; if (i < n) { fo[i] = ${vals[tape.f].get()}[l]; ${grads} } }`);
  });
  return `BM_EXPORT void bm_evaluate(const double *pts, int64_t n, ${main.p}s *fo, ${main.p}s *go) {\n${body.code()}\n}\n`;
}
