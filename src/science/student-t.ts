/**
 * Quantiles of Student's t distribution with a whole number ν of degrees of freedom, for the
 * confidence intervals of fitted slopes and means (ν = points − 2 or − 1 is always whole).
 *
 * The CDF uses the finite sums of Abramowitz & Stegun 26.7.3–26.7.4: with θ = atan(t/√ν),
 *   ν = 1:     A = 2θ/π
 *   ν odd:     A = (2/π)·[θ + sin θ·(cos θ + (2/3)cos³θ + … + (2·4···(ν−3))/(1·3···(ν−2))·cos^(ν−2)θ)]
 *   ν even:    A = sin θ·(1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3···(ν−3))/(2·4···(ν−2))·cos^(ν−2)θ)
 * where A = P(|T| ≤ t). Every term is positive and at most 1, so the sums are accurate to
 * rounding. The quantile is found by bisection, which needs no derivative and cannot diverge.
 */

/** P(T ≤ t) for Student's t with ν (whole, ≥ 1) degrees of freedom. */
export function studentTCdf(t: number, nu: number): number {
  if (!Number.isInteger(nu) || nu < 1) throw new RangeError(`t distribution needs whole ν ≥ 1, got ${nu}`);
  const theta = Math.atan(Math.abs(t) / Math.sqrt(nu));
  const c2 = Math.cos(theta) ** 2;
  const s = Math.sin(theta);
  let a: number;
  if (nu % 2 === 1) {
    let sum = 0;
    let term = Math.cos(theta);
    for (let k = 1; k <= (nu - 1) / 2; k++) {
      sum += term;
      term *= (c2 * 2 * k) / (2 * k + 1);
    }
    a = (2 / Math.PI) * (theta + s * sum);
  } else {
    let sum = 0;
    let term = 1;
    for (let k = 1; k <= nu / 2; k++) {
      sum += term;
      term *= (c2 * (2 * k - 1)) / (2 * k);
    }
    a = s * sum;
  }
  return t >= 0 ? 0.5 + a / 2 : 0.5 - a / 2;
}

/** The t with P(T ≤ t) = p, for 0 < p < 1. */
export function studentTQuantile(p: number, nu: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`t quantile needs 0 < p < 1, got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, nu);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, nu) < p) hi *= 2;
  // Halve the bracket until it is a few ulps wide (at most ~60 halvings from a bracket ≤ 2^k).
  while (hi - lo > 4 * Number.EPSILON * hi) {
    const mid = 0.5 * (lo + hi);
    if (studentTCdf(mid, nu) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
