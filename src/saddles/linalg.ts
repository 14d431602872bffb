/**
 * Small dense linear algebra in float64 for the Newton steps and the saddle's unstable direction
 * (d × d matrices, d up to a few hundred), no dependency.
 */

/** Solves m x = v by Gaussian elimination with partial pivoting; undefined when m is singular to rounding. */
export function solve(m: ArrayLike<number>, v: ArrayLike<number>, n: number): Float64Array | undefined {
  const a = Float64Array.from(m);
  const x = Float64Array.from(v);
  let scale = 0;
  for (const e of a) scale = Math.max(scale, Math.abs(e));
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]) > Math.abs(a[p * n + c])) p = r;
    // A pivot below 1e-12 of the largest entry: the matrix is singular as far as float64 can tell.
    if (!(Math.abs(a[p * n + c]) > 1e-12 * scale)) return undefined;
    if (p !== c) {
      for (let k = 0; k < n; k++) [a[c * n + k], a[p * n + k]] = [a[p * n + k], a[c * n + k]];
      [x[c], x[p]] = [x[p], x[c]];
    }
    for (let r = c + 1; r < n; r++) {
      const f = a[r * n + c] / a[c * n + c];
      if (f === 0) continue;
      for (let k = c; k < n; k++) a[r * n + k] -= f * a[c * n + k];
      x[r] -= f * x[c];
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let s = x[c];
    for (let k = c + 1; k < n; k++) s -= a[c * n + k] * x[k];
    x[c] = s / a[c * n + c];
  }
  return x;
}

/**
 * Unit eigenvector of the lowest eigenvalue `lowest` of a symmetric m (row-major n × n), by
 * inverse iteration with a shift just below it: (m − σI) is then dominated by that eigenvector,
 * and a few solves converge however close the other eigenvalues are in ratio.
 */
export function lowestEigenvector(m: ArrayLike<number>, n: number, lowest: number, spread: number): Float64Array {
  const shifted = Float64Array.from(m);
  const sigma = lowest - 1e-3 * Math.max(spread, 1e-12);
  for (let i = 0; i < n; i++) shifted[i * n + i] -= sigma;
  // A start with every component nonzero has a part along any eigenvector.
  let v: Float64Array = Float64Array.from({ length: n }, (_, i) => 1 + i / (n + 1));
  normalise(v);
  for (let it = 0; it < 20; it++) {
    const w = solve(shifted, v, n);
    if (!w) break;
    normalise(w);
    v = w;
  }
  return v;
}

function normalise(v: Float64Array): void {
  let s = 0;
  for (const e of v) s += e * e;
  const r = Math.sqrt(s) || 1;
  for (let i = 0; i < v.length; i++) v[i] /= r;
}
