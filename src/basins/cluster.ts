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

/**
 * The clustering one point at a time, in index order: what clusterPoints does over an array,
 * for points that arrive in batches (a merge reads shard after shard). It keeps only the
 * leaders (d coordinates each), so its memory grows with the clusters, not with the points.
 */
export class Clusterer {
  /** Index of each cluster's leader, as given to add(). */
  readonly leaders: number[] = [];
  private readonly coords: number[] = [];
  private readonly byCell = new Map<string, number[]>();
  private readonly cell: number;
  private readonly base: number[];
  private readonly probe: number[];
  private readonly walls: Array<[axis: number, dir: number]> = [];

  constructor(readonly d: number, readonly tol: number) {
    this.cell = tol * Math.max(4, 2 * d);
    this.base = new Array<number>(d);
    this.probe = new Array<number>(d);
  }

  /** The cluster of point `index` (indexes must increase), whose coordinates are x[row*d, (row+1)*d). */
  add(x: ArrayLike<number>, row: number, index: number): number {
    const { d, tol, cell, base, probe, walls } = this;
    const at = row * d;
    walls.length = 0;
    for (let j = 0; j < d; j++) {
      const u = x[at + j] / cell;
      const b = Math.floor(u);
      base[j] = b;
      if (u - b < tol / cell) walls.push([j, -1]);
      else if (b + 1 - u < tol / cell) walls.push([j, 1]);
    }
    const home = base.join(',');
    let found = this.findIn(x, at, home);
    if (found < 0 && walls.length > 0) {
      const subsets = walls.length <= MAX_WALLS ? 1 << walls.length : 0;
      if (subsets > 0) {
        for (let s = 1; s < subsets && found < 0; s++) {
          for (let j = 0; j < d; j++) probe[j] = base[j];
          walls.forEach(([axis, dir], k) => {
            if (s & (1 << k)) probe[axis] += dir;
          });
          found = this.findIn(x, at, probe.join(','));
        }
      } else {
        for (const [axis, dir] of walls) {
          if (found >= 0) break;
          for (let j = 0; j < d; j++) probe[j] = base[j];
          probe[axis] += dir;
          found = this.findIn(x, at, probe.join(','));
        }
      }
    }
    if (found < 0) {
      found = this.leaders.length;
      this.leaders.push(index);
      for (let j = 0; j < d; j++) this.coords.push(x[at + j]);
      const list = this.byCell.get(home);
      if (list) list.push(found);
      else this.byCell.set(home, [found]);
    }
    return found;
  }

  private findIn(x: ArrayLike<number>, at: number, key: string): number {
    const list = this.byCell.get(key);
    if (list) for (const c of list) if (this.near(x, at, c)) return c;
    return -1;
  }

  private near(x: ArrayLike<number>, at: number, c: number): boolean {
    const { d, tol, coords } = this;
    for (let j = 0; j < d; j++) if (Math.abs(x[at + j] - coords[c * d + j]) > tol) return false;
    return true;
  }
}

export function clusterPoints(x: ArrayLike<number>, d: number, include: (i: number) => boolean, tol: number): Clusters {
  const n = x.length / d;
  const label = new Int32Array(n).fill(-1);
  const clusters = new Clusterer(d, tol);
  for (let i = 0; i < n; i++) if (include(i)) label[i] = clusters.add(x, i, i);
  return { label, leaders: clusters.leaders };
}
