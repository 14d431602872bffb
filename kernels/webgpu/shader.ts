import type { DescentOptions } from '../../src/descent/options.ts';
import { STATUS } from '../../src/descent/status.ts';
import type { Tape } from '../ad/tape.ts';
import { optimizerStep } from '../codegen/optimizer.ts';
import { emitTape } from '../codegen/tape.ts';
import { escapeGeometry, recordFields, RUNNING, stateVectors, type RecordFields } from '../semantics.ts';
import { relativeXtol2, sqrtThreshold } from '../thresholds.ts';
import type { V } from '../vector-ops.ts';
import { WGSL_HELPERS, WgslLanes } from './wgsl-lanes.ts';

/** Columns of one start's row in the state tensor: the shared record fields. */
export type RowLayout = RecordFields;

/**
 * The fused kernel as the body of a tfjs WebGPU program: one invocation per start, its state in
 * registers, up to uniforms.steps iterations (t0, t0+1, ...) of the fused semantics
 * (semantics.ts) per dispatch. Reads the previous state tensor `state` [n, columns], writes the
 * next one (`result`); adam's bias corrections come in `corr` [maxIter+1, 2]. The arithmetic is
 * the wasm kernel's, emitted through WgslLanes.
 */
export function stepShader(tape: Tape, opts: DescentOptions): { code: string; layout: RowLayout } {
  const d = tape.d;
  const layout = recordFields(d, stateVectors(opts.optimizer.name));
  const L = new WgslLanes();
  const C = layout.columns;
  const col = (k: number) => `state[row + ${k}]`;
  const load = (k: number) => L.let(`bitcast<u32>(${col(k)})`);
  const clip = opts.bounds === 'clip';
  const { centre, radius } = escapeGeometry(opts);
  const gtol2 = sqrtThreshold(opts.gtol, 'float32');
  const xtol2 = sqrtThreshold(opts.xtol, 'float32');

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
      const vals = emitTape(L, tape, xv);
      const f = vals[tape.f];
      const g = tape.grad.map((gi) => (opts.sense === 'max' ? L.neg(vals[gi]) : vals[gi]));
      const corr: [V, V] | undefined = opts.optimizer.name === 'adam'
        ? [L.let('bitcast<u32>(corr[2 * t])'), L.let('bitcast<u32>(corr[2 * t + 1])')]
        : undefined;
      const steps = xv.map((_, j) => optimizerStep(L, opts.optimizer, g[j], st.map((s) => s[j].v), corr));
      const x2 = xv.map((xj, j) => {
        const moved = L.add(xj, steps[j].step);
        return clip ? L.min(L.max(moved, L.c(opts.box[j][0])), L.c(opts.box[j][1])) : moved;
      });
      const gp = clip
        ? g.map((gj, j) => {
            const blocked = L.or(L.and(L.le(xv[j], L.c(opts.box[j][0])), L.gt(gj, L.c(0))), L.and(L.ge(xv[j], L.c(opts.box[j][1])), L.lt(gj, L.c(0))));
            return L.sel(blocked, L.c(0), gj);
          })
        : g;
      const sq = (v: V) => L.mul(v, v);
      const gn2 = gp.map(sq).reduce((a, b) => L.add(a, b));
      const moves = clip ? x2.map((v, j) => L.sub(v, xv[j])) : steps.map((s) => s.step);
      const sn2 = moves.map(sq).reduce((a, b) => L.add(a, b));

      const gn = L.sqrt(gn2);
      const finite = [L.finite(f), L.finite(gn), ...xv.map((v) => L.finite(v))].reduce((a, b) => L.and(a, b));
      const escapes = xv.flatMap((v, j) => (Number.isFinite(radius[j]) ? [L.gt(L.abs(L.sub(v, L.c(centre[j]))), L.c(radius[j]))] : []));
      const escaped = escapes.length ? escapes.reduce((a, b) => L.or(a, b)) : L.c(0);
      const conv = L.le(gn2, L.c(gtol2));
      // As in src/descent/run.ts: a step below float32's resolution at x cannot move x.
      const xtol = L.le(sn2, L.add(L.c(xtol2), L.mul(L.c(opts.xtol > 0 ? relativeXtol2('float32') : 0), xv.map(sq).reduce((a, b) => L.add(a, b)))));
      const limit = L.let(`select(0u, 0xffffffffu, t >= ${opts.maxIter})`);
      const stop = [L.not(finite), escaped, conv, xtol, limit].reduce((a, b) => L.or(a, b));
      L.when(stop, () => {
        const code = L.sel(finite,
          L.sel(escaped, L.c(STATUS.escaped.code), L.sel(conv, L.c(STATUS.gtol.code), L.sel(xtol, L.c(STATUS.xtol.code), L.c(STATUS.maxiter.code)))),
          L.c(STATUS.nonfinite.code));
        out.status.set(code);
        out.nit.set(L.let('bitcast<u32>(f32(t))'));
        out.fun.set(f);
        out.gradNorm.set(gn);
        out.xOut.forEach((o, j) => o.set(xv[j]));
        L.emit('break;');
      });
      x.forEach((v, j) => v.set(x2[j]));
      st.forEach((s, si) => s.forEach((v, j) => v.set(steps[j].state[si])));
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
