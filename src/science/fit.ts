import { studentTQuantile } from './student-t.ts';

/** A least-squares line y = intercept + slope·x with the slope's confidence interval. */
export interface LineFit {
  slope: number;
  intercept: number;
  /** Standard error of the slope; null with 2 points (no residual degrees of freedom). */
  slopeStdError: number | null;
  /** Two-sided confidence interval of the slope from Student's t with n − 2 degrees of freedom. */
  slopeCi: [number, number] | null;
  /** Coefficient of determination. */
  r2: number;
  points: number;
}

/**
 * Ordinary least squares with the textbook slope error
 * s_b = sqrt(Σr² / (n − 2) / Σ(x − x̄)²) and interval slope ± t_{(1+c)/2, n−2}·s_b
 * (e.g. Montgomery & Runger, Applied Statistics, §11.4). Returns null with fewer than 2 points
 * or when every x is the same.
 */
export function fitLine(x: readonly number[], y: readonly number[], confidence = 0.95): LineFit | null {
  const n = x.length;
  if (n !== y.length) throw new RangeError(`fitLine: ${n} x values but ${y.length} y values`);
  if (n < 2) return null;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
    syy += (y[i] - my) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - intercept - slope * x[i]) ** 2;
  const r2 = syy === 0 ? 1 : 1 - sse / syy;
  if (n === 2) return { slope, intercept, slopeStdError: null, slopeCi: null, r2, points: n };
  const se = Math.sqrt(sse / (n - 2) / sxx);
  const t = studentTQuantile((1 + confidence) / 2, n - 2);
  return { slope, intercept, slopeStdError: se, slopeCi: [slope - t * se, slope + t * se], r2, points: n };
}
