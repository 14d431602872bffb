/** What the Hessian's eigenvalues say a point is; 'degenerate' when one is ~0 (valley, ring, plateau). */
export type BasinKind = 'minimum' | 'maximum' | 'saddle' | 'degenerate';

/** One distinct end point (a cluster of converged starts) and the starts that reached it. */
export interface Basin {
  /** Index into BasinSummary.basins; also the value in `outcome`. Ordered by f (best first). */
  id: number;
  /** Representative end point: the member with the best f. */
  x: number[];
  f: number;
  /** Number of starts that reached it. */
  count: number;
  /** count / n (all starts, converged or not). */
  fraction: number;
  /** Best f among true optima within the float32 tie tolerance (several when tied): decideGlobal. */
  global: boolean;
  /** Set by classifyBasins: the Hessian's verdict, its eigenvalues (ascending), and whether x is on the box edge. */
  kind?: BasinKind;
  eigenvalues?: number[];
  boundary?: boolean;
  /** Set by classifyBasins on a plateau (every eigenvalue ≈ 0): reported within one flat region (flat.ts). */
  flat?: boolean;
}

export interface BasinSummary {
  n: number;
  d: number;
  /** 'min' for descent, 'max' under --maximize ("best" f is then the largest). */
  sense: 'min' | 'max';
  basins: Basin[];
  /** Per start: the basin id it reached, or an OUTCOME code (diverged, maxiter, interrupted): outcome.ts. */
  outcome: Int32Array;
  counts: { converged: number; maxiter: number; diverged: number; interrupted: number };
  /** The tolerances the clustering used, and why (float32 scale). */
  tolerances: { distance: number; fTie: number };
  /**
   * The function's listed global minimum (library functions), and whether the best minimum found
   * reached it (within the tie tolerance): when not, no basin is global (decideGlobal).
   */
  knownGlobal?: { f: number; x: number[]; reached: boolean };
}
