import type { RowOps } from '../ops.ts';
import type { Transform } from './transform.ts';

/**
 * Gradient descent with a per-start line search: Barzilai–Borwein trial steps accepted by a
 * nonmonotone Armijo test (Zhang & Hager, SIAM J. Optim. 14 (2004) 1043–1056; BB: Barzilai &
 * Borwein, IMA J. Numer. Anal. 8 (1988) 141–148; Raydan, SIAM J. Optim. 7 (1997) 26–33), one
 * trial point per iteration, so it runs in the same lock-step loop as every other optimizer on
 * every engine.
 *
 * Each start keeps its last accepted point a with gradient g_a, its own step α, and the
 * Zhang–Hager reference value C (a running weighted mean of the accepted f, weights η^k). The point
 * the engine evaluates is the trial z = a − α·g_a. At z, with f(z) and ∇f(z):
 *   accepted  if f(z) ≤ C − c·α·‖g_a‖² + ε·|C|
 *     → α = s·s / s·y with s = z − a, y = ∇f(z) − g_a (BB: the inverse curvature along the
 *       step; α·grow where s·y ≤ 0), then a = z, g_a = ∇f(z), Q ← ηQ + 1, C ← (ηQ_old·C + f(z))/Q
 *   rejected  otherwise → a, g_a, C kept, α ← α/2 (backtracking)
 * then α ← min(α, Δ/‖g_a‖) (no trial farther than Δ from a) and the next trial is a − α·g_a.
 * The first iteration accepts the start itself, and the first trial step is α = lr.
 * A rejected trial counts as an iteration, like scipy's function evaluations: nit is the
 * number of (f, ∇f) evaluations.
 *
 * Why this and not a fixed α or plain backtracking (measured, docs/lr-auto.md): one fixed α must
 * be stable on the steepest wall and then crawls along the valleys of stiff functions
 * (Rosenbrock, Beale, Goldstein-Price, Zakharov); monotone backtracking with a growing α settles
 * at the edge of stability (α ≈ 2/λ), where gd zigzags and barely contracts. BB steps take the
 * curvature along the path, and the nonmonotone test lets them (C lags f) while still rejecting
 * real increases.
 *
 * ε·|C| (ε = 1e-6) is Hager and Zhang's approximate-Wolfe slack (CG_DESCENT, 2005): near a
 * minimum the decrease c·α·‖g‖² falls below float32's rounding of f (~1e-7·|f|), and an exact test
 * would then reject steps at random. Δ is the longest trial step, a quarter of the box's narrowest
 * width: trials stay well inside the escape box (10 half-widths), so a long step in a flat region
 * never ends a start as "escaped", and no single step crosses more than a quarter of the box.
 *
 * State, per coordinate (the layout every engine already packs, compacts and carries): a, g_a,
 * and C, α and Q repeated on every coordinate. All start at zero, as every optimizer's state
 * does (the fused engines pack zeros): Q = 0 marks a start that has accepted nothing yet.
 */
export interface ArmijoSettings {
  /** The first trial step α₀ (the optimizer's lr). */
  lr: number;
  /** Δ: the longest trial step. */
  maxStep: number;
}

export const ARMIJO = {
  /** Sufficient-decrease constant: Nocedal & Wright's c₁ = 1e-4. */
  c: 1e-4,
  /** After an accepted step with no positive curvature along it (s·y ≤ 0), where BB says nothing. */
  grow: 2,
  /** After a rejected trial: halving, the classic backtracking factor. */
  shrink: 0.5,
  /** Relative slack in f (see above). */
  eps: 1e-6,
  /** Zhang–Hager's weight of past values in C: their recommended 0.85. */
  eta: 0.85,
} as const;

export function armijo(s: ArmijoSettings): Transform {
  const { c, grow, shrink, eps, eta } = ARMIJO;
  return {
    init: (o, x) => Array.from({ length: 5 }, () => o.zerosLike(x)),
    scalars: () => [],
    // Never called: rows.update replaces it on every engine (the test needs f and sums over coordinates).
    update: () => {
      throw new Error('armijo is a row transform: engines call rows.update');
    },
    rows: {
      update<P, S>(R: RowOps<P, S>, g: P, f: S, state: readonly P[], x: P) {
        const { p } = R;
        const [a, ga, cref, al, q] = state;
        const first = p.eq(q, p.c(0));
        const gg = R.spread(R.sum(p.mul(ga, ga)));
        const fz = R.spread(f);
        const bound = p.add(p.sub(cref, p.mul(p.mul(p.c(c), al), gg)), p.mul(p.c(eps), p.abs(cref)));
        const ok = p.or(first, p.le(fz, bound));
        const a2 = p.sel(ok, x, a);
        const ga2 = p.sel(ok, g, ga);
        const q2 = p.sel(ok, p.add(p.mul(p.c(eta), q), p.c(1)), q);
        const c2 = p.sel(ok, p.div(p.add(p.mul(p.mul(p.c(eta), q), cref), fz), q2), cref);
        const sv = p.sub(x, a);
        const yv = p.sub(g, ga);
        const sy = R.spread(R.sum(p.mul(sv, yv)));
        const ss = R.spread(R.sum(p.mul(sv, sv)));
        const bb = p.sel(p.gt(sy, p.c(0)), p.div(ss, sy), p.mul(al, p.c(grow)));
        const next = p.sel(first, p.c(s.lr), p.sel(ok, bb, p.mul(al, p.c(shrink))));
        const gg2 = R.spread(R.sum(p.mul(ga2, ga2)));
        const al2 = p.min(next, p.div(p.c(s.maxStep), p.sqrt(gg2)));
        const z = p.sub(a2, p.mul(al2, ga2));
        return { step: p.sub(z, x), state: [a2, ga2, c2, al2, q2] };
      },
    },
  };
}

/** Δ for a box: a quarter of its narrowest width. */
export function armijoMaxStep(box: ReadonlyArray<readonly [number, number]>): number {
  return Math.min(...box.map(([lo, hi]) => (hi - lo) / 4));
}
