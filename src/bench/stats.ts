/** Summary of repeated measurements: the median and how far the repeats spread around it. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Quartiles by linear interpolation; with 2 or 3 repeats they say little more than min/max. */
  q1: number;
  q3: number;
  /** Every repeat, in the order measured, so a reader can redo any statistic. */
  runs: number[];
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spreadOf needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    runs: [...values],
  };
}

/** Same definition as numpy's default ('linear'), on an already sorted array. */
export function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Half the min..max range relative to the median: the noise of one cell as a fraction
 * (0.03 = the repeats lie within about ±3% of the median).
 */
export function relativeSpread(s: Pick<Spread, 'median' | 'min' | 'max'>): number {
  return s.median > 0 ? (s.max - s.min) / (2 * s.median) : 0;
}
