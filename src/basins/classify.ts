import type { Box, KnownPoint, ObjectiveFn } from '../objectives/types.ts';
import { symmetricEigenvalues } from './eigen.ts';
import { F_TIE_RELATIVE } from './tolerances.ts';
import { hessians } from './hessian.ts';
import type { Basin, BasinKind, BasinSummary } from './types.ts';

/**
 * Relative size under which an eigenvalue counts as zero. A float32 autodiff Hessian carries
 * rounding of ~1e-6 of its largest entries per operation, so anything within 1e-4 of the largest
 * |λ| cannot be told apart from 0; below that scale a zero eigenvalue means a valley, ring or
 * plateau (degenerate), not a curvature we can trust.
 */
const ZERO_RELATIVE = 1e-4;
/** Absolute floor for the zero test, for points where every curvature is tiny (plateaus). */
const ZERO_ABSOLUTE = 1e-6;

export function classifyEigenvalues(eigenvalues: number[]): BasinKind {
  const zero = zeroLevel(eigenvalues);
  if (eigenvalues.some((l) => !Number.isFinite(l))) return 'degenerate';
  const pos = eigenvalues.filter((l) => l > zero).length;
  const neg = eigenvalues.filter((l) => l < -zero).length;
  if (pos + neg < eigenvalues.length) return 'degenerate';
  if (neg === 0) return 'minimum';
  if (pos === 0) return 'maximum';
  return 'saddle';
}

function zeroLevel(eigenvalues: number[]): number {
  return Math.max(ZERO_ABSOLUTE, ZERO_RELATIVE * Math.max(...eigenvalues.map(Math.abs)));
}

/**
 * A plateau: every eigenvalue is zero at the absolute floor (no curvature at all, not merely a
 * flat direction as in a valley or ring). Gradient descent stops wherever it starts there, so each
 * start is an "end point" of its own: such points are reported together as one flat region.
 */
export function isFlat(eigenvalues: number[]): boolean {
  return eigenvalues.length > 0 && eigenvalues.every((l) => Math.abs(l) <= ZERO_ABSOLUTE);
}

/** Within this many float32 ulps of a box side counts as on the boundary. */
function onBoundary(x: number[], box: Box): boolean {
  return x.some((v, j) => {
    const [lo, hi] = box[j];
    const eps = 4 * 2 ** -23 * Math.max(1, Math.abs(lo), Math.abs(hi));
    return Math.abs(v - lo) <= eps || Math.abs(v - hi) <= eps;
  });
}

/**
 * Labels every basin (the best `limit` of them) by the eigenvalues of the Hessian of f at its
 * point (the user's f, also under --maximize): minimum, maximum, saddle or degenerate, and marks
 * points on the box edge and plateaus (flat); then decides which are global (decideGlobal), given
 * the function's known stationary points (library functions list them; none for a formula).
 */
export async function classifyBasins(s: BasinSummary, f: ObjectiveFn, box: Box, limit = Infinity, known: readonly KnownPoint[] = []): Promise<BasinSummary> {
  const hs = limit > 0 ? await hessians(f, s.basins.slice(0, limit).map((b) => b.x), s.d) : [];
  const basins: Basin[] = s.basins.map((b, k) => {
    if (k >= hs.length) return { ...b };
    const eigenvalues = symmetricEigenvalues(hs[k], s.d);
    const boundary = onBoundary(b.x, box);
    const kind = classifyEigenvalues(eigenvalues);
    return { ...b, kind, eigenvalues, boundary, ...(kind === 'degenerate' && isFlat(eigenvalues) ? { flat: true } : {}) };
  });
  return decideGlobal({ ...s, basins }, known);
}

/**
 * The one place "global" is decided: the best f among true optima (minima for descent, maxima
 * for ascent, boundary optima included), with every basin within the float32 tie tolerance of it
 * (Branin's three, six-hump camel's two). A saddle is never reported as a minimum, nor as global,
 * nor is a plateau; unclassified basins (past the classification limit) count as optima: they are
 * the worst-f ones. When the function lists a known global minimum (descent only: the lists are
 * of minima) and the best optimum found is worse than it by more than the tie tolerance, nothing
 * is global: the summary records the known one as not reached (`knownGlobal`), so that no report
 * calls the best local minimum found "global".
 */
export function decideGlobal(s: BasinSummary, known: readonly KnownPoint[] = []): BasinSummary {
  const target = s.sense === 'min' ? 'minimum' : 'maximum';
  const isOptimum = (b: Basin) => !b.flat && (b.kind === undefined || b.kind === target || (b.boundary === true && b.kind !== 'saddle'));
  const better = (a: number, c: number) => (s.sense === 'min' ? a < c : a > c);
  const best = s.basins.filter(isOptimum).reduce<number | undefined>((acc, b) => (acc === undefined || better(b.f, acc) ? b.f : acc), undefined);
  const fTie = best === undefined ? s.tolerances.fTie : F_TIE_RELATIVE * (1 + Math.abs(best));
  const listed = s.sense === 'min' ? knownGlobalMinimum(known, s.d) : undefined;
  const reached = listed === undefined || (best !== undefined && best - listed.f <= F_TIE_RELATIVE * (1 + Math.abs(listed.f)));
  const basins = s.basins.map((b) => ({ ...b, global: reached && best !== undefined && isOptimum(b) && Math.abs(b.f - best) <= fTie }));
  const { knownGlobal: _, ...rest } = s;
  return { ...rest, basins, tolerances: { ...s.tolerances, fTie }, ...(listed ? { knownGlobal: { ...listed, reached } } : {}) };
}

/** The listed global minimum of lowest f (one representative when several are tied), if any. */
function knownGlobalMinimum(known: readonly KnownPoint[], d: number): { f: number; x: number[] } | undefined {
  const g = known.filter((k) => k.global && k.kind === 'minimum' && k.x.length === d).sort((a, b) => a.f - b.f)[0];
  return g && { f: g.f, x: [...g.x] };
}
