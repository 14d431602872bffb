import type { Dtype } from './dtype.ts';
import type { DescentOptions } from './options.ts';
import type { RowOps } from './ops.ts';
import { STATUS } from './status.ts';
import { relativeXtol2, sqrtThreshold } from './thresholds.ts';

/**
 * The termination rule, written once for every engine (tfjs at its checks, the fused kernels at
 * every step, trace at every step). At iteration t (t updates done), for each running start at x:
 *   g    = ∇ of the descended objective (−f under sense 'max'), f = the user's f(x)
 *   step = the optimizer's step, x' = x + step, projected into the box under bounds 'clip'
 *   gn   = ‖g‖ (under 'clip': of g with the components pushing against an active bound zeroed)
 *   sn   = ‖step‖ (under 'clip': ‖x' − x‖)
 * and the first that holds of
 *   1. f, gn or some x_j non-finite                          → nonfinite
 *   2. |x_j − centre_j| > divergeRadius·halfwidth_j, some j  → escaped
 *   3. gn ≤ gtol                                             → gtol
 *   4. sn² ≤ xtol² + (eps·‖x‖)², eps of the dtype            → xtol (a step the dtype cannot
 *      resolve at x cannot move it); xtol = 0 turns this test off, floor included
 *   5. t = maxIter                                           → maxiter
 * ends the start with x, fun = f, gradNorm = gn, nit = t; the step is then discarded. Otherwise
 * x ← x' and the optimizer state advances.
 *
 * The tests run on squares against exact thresholds (‖g‖ ≤ gtol as ‖g‖² ≤ gtol2, see
 * thresholds.ts), so a step needs no square root; "good" (tests 1–2 passed) does not tell
 * nonfinite from escaped, which finishStatus sorts out for the starts that end.
 *
 * f enters a step only through test 1. Where every axis has a finite escape radius and f is
 * provably finite on the whole escape box, "x inside" already says "f finite", so an engine may
 * leave f out of the step (stepTest without f) and evaluate it only where a start ends: the same
 * statuses, bit for bit.
 */
export interface RulePlan {
  d: number;
  sense: 'min' | 'max';
  clip: boolean;
  lo: number[];
  hi: number[];
  centre: number[];
  /** divergeRadius half-widths per axis (∞ for an unbounded axis). */
  radius: number[];
  /** Axes with a finite escape radius, and the others. */
  bounded: number[];
  unbounded: number[];
  gtol2: number;
  xtol2: number;
  relXtol2: number;
  /** xtol = 0 inside a box where ‖x‖² cannot overflow: the test is ‖step‖² ≤ 0 (0·‖x‖² = 0). */
  xtolZero: boolean;
}

export function rulePlan(opts: DescentOptions, dtype: Dtype): RulePlan {
  const d = opts.box.length;
  const centre = opts.box.map(([lo, hi]) => (lo + hi) / 2);
  const radius = opts.box.map(([lo, hi]) => ((hi - lo) / 2) * opts.divergeRadius);
  const axes = Array.from({ length: d }, (_, j) => j);
  const bounded = axes.filter((j) => Number.isFinite(radius[j]));
  const escapeBox = centre.map((c, j) => [c - radius[j], c + radius[j]]);
  return {
    d,
    sense: opts.sense,
    clip: opts.bounds === 'clip',
    lo: opts.box.map(([lo]) => lo),
    hi: opts.box.map(([, hi]) => hi),
    centre,
    radius,
    bounded,
    unbounded: axes.filter((j) => !Number.isFinite(radius[j])),
    gtol2: sqrtThreshold(opts.gtol, dtype),
    xtol2: sqrtThreshold(opts.xtol, dtype),
    relXtol2: opts.xtol > 0 ? relativeXtol2(dtype) : 0,
    xtolZero: opts.xtol === 0 && bounded.length === d && escapeBox.reduce((acc, [lo, hi]) => acc + Math.max(lo * lo, hi * hi), 0) < 1e36,
  };
}

/** The gradient being descended: ∇f, or −∇f under sense 'max'. */
export function descended<P, S>(R: RowOps<P, S>, plan: RulePlan, grad: P): P {
  return plan.sense === 'max' ? R.p.neg(grad) : grad;
}

/** The value being descended, per start: f, or −f under sense 'max' (what a line search compares). */
export function descendedValue<P, S>(R: RowOps<P, S>, plan: RulePlan, f: S): S {
  return plan.sense === 'max' ? R.s.neg(f) : f;
}

export interface StepTest<P, S> {
  /** x', projected into the box under 'clip'. */
  x2: P;
  /** ‖g‖² (of the projected gradient under 'clip'). */
  gn2: S;
  /** Tests 1 and 2 passed: f (when given), ‖g‖ and x finite, x inside the escape box. */
  good: S;
  /** Test 3 holds. */
  conv: S;
  /** Test 4 holds. */
  xtol: S;
}

/** The candidate move and tests 1–4 at x, given g (the descended gradient) and the optimizer's step. */
export function stepTest<P, S>(R: RowOps<P, S>, plan: RulePlan, x: P, g: P, step: P, f?: S): StepTest<P, S> {
  const { p, s } = R;
  const x2 = moveOf(R, plan, x, step);
  // Descent moves along −g: at the lower bound a positive component pushes outward, at the upper
  // bound a negative one. The projected gradient's norm is zero exactly at a KKT point of the box.
  const gp = plan.clip
    ? p.sel(p.or(p.and(p.le(x, R.axis(plan.lo)), p.gt(g, p.c(0))), p.and(p.ge(x, R.axis(plan.hi)), p.lt(g, p.c(0)))), p.c(0), g)
    : g;
  const gn2 = R.sum(p.mul(gp, gp));
  const dx = plan.clip ? p.sub(x2, x) : step;
  const sn2 = R.sum(p.mul(dx, dx));

  // NaN-propagating self-differences: v − v is 0 for finite v and NaN for ±∞ and NaN, so one sum
  // tests them all. ‖g‖² is ≥ 0 or NaN, so "finite" is "< ∞" when it is the only term.
  const selfDiff = (v: S) => s.sub(v, v);
  const terms = [...(f === undefined ? [] : [selfDiff(f)]), ...(plan.unbounded.length > 0 ? [R.sum(p.sub(x, x), plan.unbounded)] : [])];
  const finite = terms.length === 0
    ? s.lt(gn2, s.c(Infinity))
    : ((v: S) => s.eq(v, v))([...terms, selfDiff(gn2)].reduce((a, b) => s.add(a, b)));
  // |x − c| ≤ R as −R ≤ x − c ≤ R, false for NaN either way.
  const dc = p.sub(x, R.axis(plan.centre));
  const good = plan.bounded.length === 0
    ? finite
    : s.and(finite, R.all(p.and(p.ge(dc, R.axis(plan.radius.map((r) => -r))), p.le(dc, R.axis(plan.radius))), plan.bounded));
  const conv = s.le(gn2, s.c(plan.gtol2));
  const xtol = plan.xtolZero
    ? s.le(sn2, s.c(0))
    : s.le(sn2, s.add(s.c(plan.xtol2), s.mul(s.c(plan.relXtol2), R.sum(p.mul(x, x)))));
  return { x2, gn2, good, conv, xtol };
}

/** x + step, projected into the box under bounds 'clip' (projected gradient descent). */
export function moveOf<P, S>(R: RowOps<P, S>, plan: RulePlan, x: P, step: P): P {
  const moved = R.p.add(x, step);
  return plan.clip ? R.p.min(R.p.max(moved, R.axis(plan.lo)), R.axis(plan.hi)) : moved;
}

/** The tests say the start ends here (tests 1–4; test 5 is the caller's, by t). */
export function ends<P, S>(R: RowOps<P, S>, q: StepTest<P, S>): S {
  return R.s.or(R.s.not(q.good), R.s.or(q.conv, q.xtol));
}

/**
 * The status of a start that ends at x (f its value there): nonfinite, escaped, gtol, xtol, and
 * maxiter when none of those holds, in that order; and ‖g‖.
 */
export function finishStatus<P, S>(R: RowOps<P, S>, q: StepTest<P, S>, f: S, x: P): { code: S; gn: S } {
  const { s } = R;
  const gn = s.sqrt(q.gn2);
  const finite = s.and(s.and(s.finite(f), s.finite(gn)), R.all(R.p.finite(x)));
  const code = s.sel(finite,
    s.sel(s.not(q.good), s.c(STATUS.escaped.code),
      s.sel(q.conv, s.c(STATUS.gtol.code), s.sel(q.xtol, s.c(STATUS.xtol.code), s.c(STATUS.maxiter.code)))),
    s.c(STATUS.nonfinite.code));
  return { code, gn };
}
