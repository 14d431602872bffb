import type { DescentOptions } from '../../core/options.ts';
import type { Tape } from '../ad/tape.ts';
import { RUNNING } from '../../core/status.ts';
import { finishStatusLanes, stepPlan, stepTestLanes } from '../codegen/step.ts';
import { emitTape, tapeEmitter } from '../codegen/tape.ts';
import { recordFields, type RecordFields } from '../record.ts';
import type { V } from '../vector-ops.ts';
import { WGSL_HELPERS, WgslLanes } from './wgsl-lanes.ts';

/** Columns of one start's row in the state tensor: the shared record fields. */
export type RowLayout = RecordFields;

/**
 * The fused kernel as the body of a tfjs WebGPU program: one invocation per start, its state in
 * registers, up to uniforms.steps iterations (t0, t0+1, ...) of the fused semantics
 * (semantics.ts) per dispatch. Reads the previous state tensor `state` [n, columns], writes the
 * next one (`result`); the optimizer's per-iteration scalars come in `scalars` [maxIter+1, k]. The arithmetic is
 * the wasm kernel's, emitted through WgslLanes.
 */
export function stepShader(tape: Tape, opts: DescentOptions): { code: string; layout: RowLayout } {
  const d = tape.d;
  const plan = stepPlan(tape, opts, 'float32');
  const layout = recordFields(d, plan.nState);
  const L = new WgslLanes();
  const C = layout.columns;
  const col = (k: number) => `state[row + ${k}]`;
  const load = (k: number) => L.let(`bitcast<u32>(${col(k)})`);

  L.emit(`let row = index * ${C};`);
  const x = Array.from({ length: d }, (_, j) => L.variable(load(layout.x + j)));
  const st = Array.from({ length: layout.nState }, (_, s) => Array.from({ length: d }, (_, j) => L.variable(load(layout.state + s * d + j))));
  const out = {
    xOut: Array.from({ length: d }, (_, j) => L.variable(load(layout.xOut + j))),
    fun: L.variable(load(layout.fun)),
    gradNorm: L.variable(load(layout.gradNorm)),
    nit: L.variable(load(layout.nit)),
    status: L.variable(load(layout.status)),
  };
  const running = L.eq(out.status.v, L.c(RUNNING));
  L.block(`if (${running.get()} != 0u)`, () => {
    L.block('for (var k: i32 = 0; k < uniforms.steps; k++)', () => {
      L.emit('let t = uniforms.t0 + k;');
      const xv = x.map((v) => L.let(v.v.get()));
      const tapeCode = tapeEmitter(L, tape, xv);
      tapeCode.emit(plan.stepNeed);
      const k = Array.from({ length: plan.nScalars }, (_, i) => L.let(`bitcast<u32>(scalars[${plan.nScalars} * t + ${i}])`));
      const q = stepTestLanes(L, plan, xv, tapeCode.vals as V[], st.map((s) => s.map((v) => v.v)), k);
      const limit = L.let(`select(0u, 0xffffffffu, t >= ${opts.maxIter})`);
      L.when(L.or(L.not(q.good), [q.conv, q.xtol, limit].reduce((a, b) => L.or(a, b))), () => {
        // f (when the step left it out: plan.lazyF) only where the start ends.
        tapeCode.emit(plan.everything);
        const f = (tapeCode.vals as V[])[tape.f];
        const { code, gn } = finishStatusLanes(L, q, f, xv);
        out.status.set(code);
        out.nit.set(L.let('bitcast<u32>(f32(t))'));
        out.fun.set(f);
        out.gradNorm.set(gn);
        out.xOut.forEach((o, j) => o.set(xv[j]));
        L.emit('break;');
      });
      x.forEach((v, j) => v.set(q.x2[j]));
      st.forEach((s, si) => s.forEach((v, j) => v.set(q.state[si][j])));
    });
  });
  const put = (k: number, v: V) => L.emit(`result[row + ${k}] = bitcast<f32>(${v.get()});`);
  x.forEach((v, j) => put(layout.x + j, v.v));
  st.forEach((s, si) => s.forEach((v, j) => put(layout.state + si * d + j, v.v)));
  out.xOut.forEach((v, j) => put(layout.xOut + j, v.v));
  put(layout.fun, out.fun.v);
  put(layout.gradNorm, out.gradNorm.v);
  put(layout.nit, out.nit.v);
  put(layout.status, out.status.v);

  const code = `${WGSL_HELPERS}
fn main(index: i32) {
  if (index >= uniforms.n) { return; }
${L.code()}
}`;
  return { code, layout };
}

/** f and ∇f at the rows of `pts` [n, d] into `result` [n, 1 + d] (for tests). */
export function evaluateShader(tape: Tape): string {
  const d = tape.d;
  const L = new WgslLanes();
  L.emit(`let row = index * ${d};`);
  const xs = Array.from({ length: d }, (_, j) => L.let(`bitcast<u32>(pts[row + ${j}])`));
  const vals = emitTape(L, tape, xs);
  const o = `index * ${d + 1}`;
  L.emit(`result[${o}] = bitcast<f32>(${vals[tape.f].get()});`);
  tape.grad.forEach((gi, j) => L.emit(`result[${o} + ${j + 1}] = bitcast<f32>(${vals[gi].get()});`));
  return `${WGSL_HELPERS}
fn main(index: i32) {
  if (index >= uniforms.n) { return; }
${L.code()}
}`;
}
