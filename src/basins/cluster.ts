/**
 * Groups end points into clusters: a point joins the first cluster whose leader is within
 * `tol` in every coordinate (Chebyshev distance), else it leads a new cluster. Leaders are found
 * through a hash of grid cells of side `cell` ≥ tol, so a lookup touches the point's own cell and
 * only the neighbours across the cell walls it is within tol of: O(n) for well-separated minima,
 * in any dimension.
 */
export interface Clusters {
  /** Cluster of each point given, -1 for points that were skipped. */
  label: Int32Array;
  /** Index of each cluster's leader (first point that founded it). */
  leaders: number[];
}

// Past this many nearby cell walls we only look across one wall at a time; only a point that is
// within tol of more than 12 walls at once could then found a duplicate cluster.
const MAX_WALLS = 12;

export function clusterPoints(x: Float32Array, d: number, include: (i: number) => boolean, tol: number): Clusters {
  const n = x.length / d;
  const cell = tol * Math.max(4, 2 * d);
  const label = new Int32Array(n).fill(-1);
  const leaders: number[] = [];
  const byCell = new Map<string, number[]>();
  const base = new Array<number>(d);
  const walls: Array<[axis: number, dir: number]> = [];
  const probe = new Array<number>(d);

  const near = (i: number, leader: number) => {
    for (let j = 0; j < d; j++) if (Math.abs(x[i * d + j] - x[leader * d + j]) > tol) return false;
    return true;
  };
  const findIn = (i: number, key: string) => {
    const list = byCell.get(key);
    if (list) for (const c of list) if (near(i, leaders[c])) return c;
    return -1;
  };

  for (let i = 0; i < n; i++) {
    if (!include(i)) continue;
    walls.length = 0;
    for (let j = 0; j < d; j++) {
      const u = x[i * d + j] / cell;
      const b = Math.floor(u);
      base[j] = b;
      if (u - b < tol / cell) walls.push([j, -1]);
      else if (b + 1 - u < tol / cell) walls.push([j, 1]);
    }
    const home = base.join(',');
    let found = findIn(i, home);
    if (found < 0 && walls.length > 0) {
      const subsets = walls.length <= MAX_WALLS ? 1 << walls.length : 0;
      if (subsets > 0) {
        for (let s = 1; s < subsets && found < 0; s++) {
          for (let j = 0; j < d; j++) probe[j] = base[j];
          walls.forEach(([axis, dir], k) => {
            if (s & (1 << k)) probe[axis] += dir;
          });
          found = findIn(i, probe.join(','));
        }
      } else {
        for (const [axis, dir] of walls) {
          if (found >= 0) break;
          for (let j = 0; j < d; j++) probe[j] = base[j];
          probe[axis] += dir;
          found = findIn(i, probe.join(','));
        }
      }
    }
    if (found < 0) {
      found = leaders.length;
      leaders.push(i);
      const list = byCell.get(home);
      if (list) list.push(found);
      else byCell.set(home, [found]);
    }
    label[i] = found;
  }
  return { label, leaders };
}
