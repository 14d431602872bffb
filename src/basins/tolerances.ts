import type { Box } from '../objectives/types.ts';

const EPS32 = 2 ** -23;
export const F_TIE_RELATIVE = Math.sqrt(EPS32);

/**
 * Default clustering tolerances.
 * distance: 1e-3 of the widest box side. Converged end points sit within ~gtol/λ_min of their
 * minimum (≈1e-4 for the library's functions), so members of one basin are far closer than this,
 * while distinct minima of the library's functions are ≥ 1e-2 of the box apart. It is never below
 * what float32 can resolve at the box's scale (1e3 ulps of its largest coordinate).
 * fTie: two minima are "tied for global" when their f differ by at most sqrt(eps32)·(1 + |f|):
 * f at a converged point is off by ~½λ|δx|² plus float32 rounding of the largest term (~1e-6
 * relative), both far below sqrt(eps32) ≈ 3.5e-4, while real gaps between minima are larger.
 */
export function defaultTolerances(box: Box): { distance: number; fTieRelative: number } {
  const width = Math.max(...box.map(([a, b]) => b - a));
  const scale = Math.max(...box.map(([a, b]) => Math.max(Math.abs(a), Math.abs(b))));
  return { distance: Math.max(1e-3 * width, 1e3 * EPS32 * scale), fTieRelative: F_TIE_RELATIVE };
}
