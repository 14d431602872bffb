import type { StartResults } from '../../core/results.ts';
import { STATUS, statusName } from '../../core/status.ts';
import type { Basin } from '../basins/types.ts';

/**
 * The map's basin each end point reached: the first listed basin within `distance` in every
 * coordinate (the clustering's own Chebyshev test), or -1 when the start did not converge or
 * ended nowhere the map knows (on a saddle, say). Basins for which `counts` is false are skipped.
 */
export function labelEndPoints(r: StartResults, basins: readonly Basin[], distance: number, counts: (b: Basin) => boolean = () => true): Int32Array {
  const { n, d, x } = r;
  const label = new Int32Array(n).fill(-1);
  const listed = basins.filter(counts);
  for (let i = 0; i < n; i++) {
    if (!(STATUS[statusName(r.status[i])].converged && Number.isFinite(r.fun[i]))) continue;
    for (const b of listed) {
      let near = true;
      for (let j = 0; j < d && near; j++) near = Math.abs(x[i * d + j] - b.x[j]) <= distance;
      if (near) {
        label[i] = b.id;
        break;
      }
    }
  }
  return label;
}
