/**
 * How long each basin's starts took: iterations to convergence (nit), per basin.
 * Works for any sampler (no grid needed): labels[i] is start i's basin (≥ 0) or < 0 for a start
 * that did not converge, as in BasinSummary.assignment.
 */
export interface BasinTime {
  /** The basin's label (BasinSummary basin id). */
  basin: number;
  starts: number;
  mean: number;
  /** The middle value; the mean of the two middle ones for an even count. */
  median: number;
  min: number;
  max: number;
}

export interface ConvergenceTimes {
  basins: BasinTime[];
  /** Starts with no basin (their nit is the budget they used up, or where they diverged). */
  unlabelled: number;
}

export function convergenceTimes(labels: Int32Array, nit: Int32Array): ConvergenceTimes {
  if (labels.length !== nit.length) throw new RangeError(`convergence times: ${labels.length} labels but ${nit.length} iteration counts`);
  const groups = new Map<number, number[]>();
  let unlabelled = 0;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l < 0) {
      unlabelled++;
      continue;
    }
    let g = groups.get(l);
    if (!g) groups.set(l, (g = []));
    g.push(nit[i]);
  }
  const basins = [...groups]
    .sort((a, b) => a[0] - b[0])
    .map(([basin, v]): BasinTime => {
      const s = Int32Array.from(v).sort();
      const n = s.length;
      const median = n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
      return { basin, starts: n, mean: s.reduce((a, b) => a + b, 0) / n, median, min: s[0], max: s[n - 1] };
    });
  return { basins, unlabelled };
}
