/** z of a two-sided 95% interval: the 0.975 quantile of the standard normal. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion count/n. Unlike p ± z·√(p(1−p)/n) it stays
 * inside [0, 1] and does not collapse to a point when count is 0 or n — the usual case for a
 * rare basin, whose fraction is then only bounded above (Wilson 1927, JASA 22:209).
 */
export function wilson(count: number, n: number, z = Z95): [number, number] {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`wilson: n must be a whole number ≥ 1, got ${n}`);
  if (!(Number.isInteger(count) && count >= 0 && count <= n)) throw new RangeError(`wilson: count must be a whole number in [0, ${n}], got ${count}`);
  const p = count / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
  // At count 0 (or n) centre and half are equal in exact arithmetic; rounding must not leave a
  // bound a few ulps off 0 (or 1) — or outside [0, 1].
  const lo = count === 0 ? 0 : Math.max(0, centre - half);
  const hi = count === n ? 1 : Math.min(1, centre + half);
  return [lo, hi];
}
