import { UserError } from '../../core/errors.ts';
import type { Box } from '../objectives/types.ts';
import type { StartSet } from './types.ts';
import { indexedStartSet } from './indexed.ts';
import { MAX_STARTS } from './validate.ts';

/**
 * Full mesh, linspace-style: an axis with c ≥ 2 points has them at lo + (hi − lo)·k/(c − 1), both
 * box edges included, so the basin map covers the whole box; an axis with c = 1 takes its centre.
 *
 * Start i is read as a mixed-radix number with the FIRST axis varying fastest:
 * i = k₀ + c₀·(k₁ + c₁·(k₂ + …)). Reshaping results to [c_{d−1}, …, c₁, c₀] (row-major) therefore
 * gives an image whose rows follow axis 2 (y) and columns axis 1 (x).
 */
export function gridStartSet(counts: number[] | undefined, n: number | undefined, box: Box): StartSet {
  const d = box.length;
  let perAxis: number[];
  let note = '';
  if (counts !== undefined) {
    perAxis = checkGridCounts(counts, d);
  } else if (n !== undefined) {
    const c = Math.max(1, Math.round(n ** (1 / d)));
    perAxis = new Array<number>(d).fill(c);
    note = `; n = ${n} rounded to ${c} per axis`;
  } else {
    throw new UserError('grid needs its size; give grid counts per axis (e.g. 100x100) or n');
  }
  const total = perAxis.reduce((a, b) => a * b, 1);
  if (total > MAX_STARTS) {
    throw new UserError(`grid ${perAxis.join('x')} has ${total} points, over the limit of ${MAX_STARTS}; use fewer per axis`);
  }
  if (counts !== undefined && n !== undefined && n !== total) {
    throw new UserError(`n = ${n} disagrees with grid ${perAxis.join('x')} = ${total} points; give only one of them`);
  }
  const describe = `grid ${perAxis.join('x')} = ${total} starts, edges included, axis 1 fastest${note}`;
  return indexedStartSet(total, box, describe, (i, u) => {
    let rest = i;
    for (let j = 0; j < d; j++) {
      const c = perAxis[j];
      const k = rest % c;
      rest = Math.floor(rest / c);
      u[j] = c === 1 ? 0.5 : k / (c - 1);
    }
  });
}

function checkGridCounts(counts: number[], d: number): number[] {
  if (!Array.isArray(counts) || (counts.length !== 1 && counts.length !== d)) {
    const len = Array.isArray(counts) ? counts.length : 0;
    throw new UserError(`grid counts have ${len} entries but the box has ${d} axes; give one count per axis or a single count for all`);
  }
  for (const c of counts) {
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 1) {
      throw new UserError(`grid count ${String(c)} is not a whole number ≥ 1; give points per axis such as 100x100`);
    }
  }
  return counts.length === d ? [...counts] : new Array<number>(d).fill(counts[0]);
}
