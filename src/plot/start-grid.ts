/**
 * Starts that form a full, evenly spaced grid on the picture's two axes (the grid and slice
 * samplers), found from the points themselves so that a starts file holding a grid is drawn as
 * one too.
 */
export interface StartGrid {
  /** Distinct coordinates on each axis, ascending. */
  u: Float64Array;
  v: Float64Array;
  /** Per start: its cell, kv · u.length + ku. */
  cell: Int32Array;
}

/** The grid the starts form on `axes`, or undefined when they do not form one. */
export function detectGrid(x0: Float32Array, d: number, axes: [number, number]): StartGrid | undefined {
  const n = x0.length / d;
  const u = distinct(x0, d, axes[0], n);
  const v = distinct(x0, d, axes[1], n);
  if (!u || !v || u.length < 2 || v.length < 2 || u.length * v.length !== n) return undefined;
  if (!evenlySpaced(u) || !evenlySpaced(v)) return undefined;
  const ui = new Map<number, number>();
  const vi = new Map<number, number>();
  u.forEach((a, k) => ui.set(a, k));
  v.forEach((a, k) => vi.set(a, k));
  const cell = new Int32Array(n);
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = vi.get(x0[i * d + axes[1]])! * u.length + ui.get(x0[i * d + axes[0]])!;
    if (seen[c]) return undefined; // a repeated point: some cell is missing
    seen[c] = 1;
    cell[i] = c;
  }
  return { u, v, cell };
}

/** Sorted distinct values of column j; undefined as soon as there are too many for a grid. */
function distinct(x0: Float32Array, d: number, j: number, n: number): Float64Array | undefined {
  const set = new Set<number>();
  const limit = Math.floor(n / 2);
  for (let i = 0; i < n; i++) {
    set.add(x0[i * d + j]);
    if (set.size > limit) return undefined;
  }
  return Float64Array.from(set).sort();
}

// Grid points are rounded to float32 once, so spacings agree to a few ulps of the coordinates;
// 5% of the spacing is far above that and far below any real unevenness.
function evenlySpaced(a: Float64Array): boolean {
  const step = (a[a.length - 1] - a[0]) / (a.length - 1);
  for (let k = 1; k < a.length; k++) if (Math.abs(a[k] - a[k - 1] - step) > 0.05 * step) return false;
  return step > 0;
}
