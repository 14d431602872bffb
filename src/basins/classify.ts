import type { Box, ObjectiveFn } from '../objectives/types.ts';
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
  const scale = Math.max(...eigenvalues.map(Math.abs));
  const zero = Math.max(ZERO_ABSOLUTE, ZERO_RELATIVE * scale);
  if (eigenvalues.some((l) => !Number.isFinite(l))) return 'degenerate';
  const pos = eigenvalues.filter((l) => l > zero).length;
  const neg = eigenvalues.filter((l) => l < -zero).length;
  if (pos + neg < eigenvalues.length) return 'degenerate';
  if (neg === 0) return 'minimum';
  if (pos === 0) return 'maximum';
  return 'saddle';
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
 * points on the box edge; then decides which are global (decideGlobal).
 */
export async function classifyBasins(s: BasinSummary, f: ObjectiveFn, box: Box, limit = Infinity): Promise<BasinSummary> {
  const hs = limit > 0 ? await hessians(f, s.basins.slice(0, limit).map((b) => b.x), s.d) : [];
  const basins: Basin[] = s.basins.map((b, k) => {
    if (k >= hs.length) return { ...b };
    const eigenvalues = symmetricEigenvalues(hs[k], s.d);
    const boundary = onBoundary(b.x, box);
    return { ...b, kind: classifyEigenvalues(eigenvalues), eigenvalues, boundary };
  });
  return decideGlobal({ ...s, basins });
}

/**
 * The one place "global" is decided: the best f among true optima (minima for descent, maxima
 * for ascent, boundary optima included), with every basin within the float32 tie tolerance of it
 * (Branin's three, six-hump camel's two). A saddle is never reported as a minimum, nor as global;
 * unclassified basins (past the classification limit) count as optima: they are the worst-f ones.
 */
export function decideGlobal(s: BasinSummary): BasinSummary {
  const target = s.sense === 'min' ? 'minimum' : 'maximum';
  const isOptimum = (b: Basin) => b.kind === undefined || b.kind === target || (b.boundary === true && b.kind !== 'saddle');
  const better = (a: number, c: number) => (s.sense === 'min' ? a < c : a > c);
  const best = s.basins.filter(isOptimum).reduce<number | undefined>((acc, b) => (acc === undefined || better(b.f, acc) ? b.f : acc), undefined);
  const fTie = best === undefined ? s.tolerances.fTie : F_TIE_RELATIVE * (1 + Math.abs(best));
  const basins = s.basins.map((b) => ({ ...b, global: best !== undefined && isOptimum(b) && Math.abs(b.f - best) <= fTie }));
  return { ...s, basins, tolerances: { ...s.tolerances, fTie } };
}
