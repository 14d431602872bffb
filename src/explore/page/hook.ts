import type { StatusName } from '../../browser.ts';

/**
 * The page's state for automation (test/explore drives the page through it): whether the first
 * computations are done, whether one is running, the backend that really runs, the last error
 * message, and the results of the last trace and the last map.
 */
export interface ExploreHook {
  ready: boolean;
  busy: boolean;
  backend: string | null;
  error: string | null;
  trace: { x0: number[]; x: number[]; nit: number; status: StatusName }[];
  map: { basins: { x: number[]; f: number; count: number; fraction: number; global: boolean; kind: string | null }[]; ms: number } | null;
}

export const hook: ExploreHook = { ready: false, busy: false, backend: null, error: null, trace: [], map: null };

(globalThis as unknown as { basinmapExplore: ExploreHook }).basinmapExplore = hook;
