import type { DescentOptions } from '../../src/descent/options.ts';
import { STATUS } from '../../src/descent/status.ts';
import { dependencies, finiteOnBox } from '../ad/slice.ts';
import type { Tape } from '../ad/tape.ts';
import { escapeGeometry } from '../semantics.ts';
import { relativeXtol2, sqrtThreshold } from '../thresholds.ts';
import type { FusedDtype } from '../types.ts';
import type { VecOps as Lanes, V } from '../vector-ops.ts';
import { optimizerStep } from './optimizer.ts';

/** What a kernel decides about one objective and one set of options before emitting its step. */
export interface StepPlan {
  tape: Tape;
  opts: DescentOptions;
  clip: boolean;
  centre: number[];
  radius: number[];
  /** Every axis has a finite escape radius. */
  bounded: boolean;
  /**
   * f is provably finite on the escape box, so "x inside" already says "f finite": a step needs
   * only what ∇f needs (`stepNeed`) and f is evaluated where a start finishes (semantics.ts).
   */
  lazyF: boolean;
  stepNeed: Uint8Array;
  everything: Uint8Array;
  gtol2: number;
  xtol2: number;
  relXtol2: number;
  /** xtol = 0 inside a box where ‖x‖² cannot overflow: the test is ‖step‖² ≤ 0 (0·‖x‖² = 0). */
  xtolZero: boolean;
}

export function stepPlan(tape: Tape, opts: DescentOptions, dtype: FusedDtype): StepPlan {
  const { centre, radius } = escapeGeometry(opts);
  const bounded = radius.every((r) => Number.isFinite(r));
  const escapeBox = centre.map((c, j) => [c - radius[j], c + radius[j]] as const);
  const lazyF = bounded && finiteOnBox(tape, tape.f, escapeBox);
  const everything = new Uint8Array(tape.instrs.length).fill(1);
  return {
    tape, opts, clip: opts.bounds === 'clip', centre, radius, bounded, lazyF,
    stepNeed: lazyF ? dependencies(tape, tape.grad) : everything,
    everything,
    gtol2: sqrtThreshold(opts.gtol, dtype),
    xtol2: sqrtThreshold(opts.xtol, dtype),
    relXtol2: opts.xtol > 0 ? relativeXtol2(dtype) : 0,
    xtolZero: opts.xtol === 0 && bounded && escapeBox.reduce((acc, [lo, hi]) => acc + Math.max(lo * lo, hi * hi), 0) < 1e36,
  };
}

/** One iteration's candidate move and its termination tests, for one start (lane) at x. */
export interface StepTest {
  /** x − x' per coordinate (the optimizer's step negated: x' = x − descent, exactly x + step). */
  descent: V[];
  /** The optimizer's next state, [vector][coordinate], not yet committed. */
  state: V[][];
  /** x', projected into the box under 'clip'. */
  x2: V[];
  /** ‖g‖² (of the projected gradient under 'clip'). */
  gn2: V;
  /** f (when the step has it), ‖g‖ finite and x inside the escape box. */
  good: V;
  conv: V;
  xtol: V;
}

/**
 * The step and tests 1–4 of semantics.ts at x, given the tape's values there (`vals`: at least
 * what plan.stepNeed marks) and the optimizer state ([vector][coordinate]). The tests are
 * cheapened for a hot loop: ‖g‖ ≤ gtol and ‖step‖ ≤ xtol on the squares against exact
 * thresholds; "good" without telling nonfinite from escaped (finishStatus sorts that out).
 */
export function stepTest(L: Lanes, plan: StepPlan, x: V[], vals: V[], state: V[][], corr?: [V, V]): StepTest {
  const { tape, opts, clip, centre, radius } = plan;
  const d = x.length;
  const g = tape.grad.map((gi) => (opts.sense === 'max' ? L.neg(vals[gi]) : vals[gi]));
  const steps = x.map((_, j) => optimizerStep(L, opts.optimizer, g[j], state.map((s) => s[j]), corr));
  const x2 = x.map((xj, j) => {
    const moved = L.sub(xj, steps[j].descent);
    return clip ? L.min(L.max(moved, L.c(opts.box[j][0])), L.c(opts.box[j][1])) : moved;
  });
  const gp = clip
    ? g.map((gj, j) => {
        const blocked = L.or(
          L.and(L.le(x[j], L.c(opts.box[j][0])), L.gt(gj, L.c(0))),
          L.and(L.ge(x[j], L.c(opts.box[j][1])), L.lt(gj, L.c(0))),
        );
        return L.sel(blocked, L.c(0), gj);
      })
    : g;
  const sq = (v: V) => L.mul(v, v);
  const sum = (vs: V[]) => vs.reduce((a, b) => L.add(a, b));
  const gn2 = sum(gp.map(sq));
  const sn2 = sum(clip ? x2.map((v, j) => sq(L.sub(v, x[j]))) : steps.map((s) => sq(s.descent)));

  // NaN-propagating self-differences: v − v is 0 for finite v and NaN for ±∞ and NaN.
  const selfDiff = (v: V) => L.sub(v, v);
  const escapes = radius.map((r) => Number.isFinite(r));
  const unbounded = x.filter((_, j) => !escapes[j]).map(selfDiff);
  const terms = [...(plan.lazyF ? [] : [selfDiff(vals[tape.f])]), ...unbounded];
  // ‖g‖² is ≥ 0 or NaN, so "finite" is "< ∞" when it is the only term.
  const finiteTerms = terms.length === 0
    ? L.lt(gn2, L.inf)
    : ((s: V) => L.eq(s, s))(sum([...terms, selfDiff(gn2)]));
  // |x − c| ≤ R as −R ≤ x − c ≤ R (false for NaN either way), and x − 0 = x.
  const inside = range(d).filter((j) => escapes[j]).map((j) => {
    const dx = centre[j] === 0 ? x[j] : L.sub(x[j], L.c(centre[j]));
    return L.and(L.ge(dx, L.c(-radius[j])), L.le(dx, L.c(radius[j])));
  });
  const good = [finiteTerms, ...inside].reduce((a, b) => L.and(a, b));
  const conv = L.le(gn2, L.c(plan.gtol2));
  // As in src/descent/run.ts: a step below the dtype's resolution at x cannot move x.
  const xtol = plan.xtolZero
    ? L.le(sn2, L.c(0))
    : L.le(sn2, L.add(L.c(plan.xtol2), L.mul(L.c(plan.relXtol2), sum(x.map(sq)))));
  return { descent: steps.map((s) => s.descent), state: state.map((_, si) => steps.map((s) => s.state[si])), x2, gn2, good, conv, xtol };
}

/**
 * The status of a start that ends at x (f its value there): nonfinite, escaped, gtol, xtol, and
 * maxiter when none of those holds (semantics.ts, in that order); and ‖g‖.
 */
export function finishStatus(L: Lanes, q: StepTest, f: V, x: V[]): { code: V; gn: V } {
  const gn = L.sqrt(q.gn2);
  const finite = [L.finite(f), L.finite(gn), ...x.map((xj) => L.finite(xj))].reduce((a, b) => L.and(a, b));
  const code = L.sel(finite,
    L.sel(L.not(q.good), L.c(STATUS.escaped.code),
      L.sel(q.conv, L.c(STATUS.gtol.code), L.sel(q.xtol, L.c(STATUS.xtol.code), L.c(STATUS.maxiter.code)))),
    L.c(STATUS.nonfinite.code));
  return { code, gn };
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
