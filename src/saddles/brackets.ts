/**
 * Segments [a, b] that straddle a basin boundary: a reaches basin la, b reaches basin lb ≠ la.
 * Endpoints are float32 points (each was descended as such, so its label is a fact), stored
 * row-major [n, d].
 */
export interface Brackets {
  n: number;
  d: number;
  a: Float32Array;
  b: Float32Array;
  la: Int32Array;
  lb: Int32Array;
  /** Boundary segments of the map that led to this bracket (merged brackets add up). */
  weight: Int32Array;
}

export function makeBrackets(a: Float32Array, b: Float32Array, la: Int32Array, lb: Int32Array, d: number, weight?: Int32Array): Brackets {
  const n = la.length;
  return { n, d, a, b, la, lb, weight: weight ?? new Int32Array(n).fill(1) };
}

/** Only the brackets whose index passes `keep`, in order. */
export function selectBrackets(br: Brackets, keep: (i: number) => boolean): Brackets {
  const idx: number[] = [];
  for (let i = 0; i < br.n; i++) if (keep(i)) idx.push(i);
  const { d } = br;
  const rows = (m: Float32Array) => {
    const out = new Float32Array(idx.length * d);
    idx.forEach((i, k) => out.set(m.subarray(i * d, (i + 1) * d), k * d));
    return out;
  };
  return makeBrackets(rows(br.a), rows(br.b), Int32Array.from(idx, (i) => br.la[i]), Int32Array.from(idx, (i) => br.lb[i]), d, Int32Array.from(idx, (i) => br.weight[i]));
}

/** Chebyshev length of bracket i. */
export function bracketWidth(br: Brackets, i: number): number {
  let w = 0;
  for (let j = 0; j < br.d; j++) w = Math.max(w, Math.abs(br.a[i * br.d + j] - br.b[i * br.d + j]));
  return w;
}

/** Midpoints of every bracket, rounded to float32: the points a bisection descends. */
export function midpoints(br: Brackets, rows: readonly number[] = Array.from({ length: br.n }, (_, i) => i)): Float32Array {
  const { d } = br;
  const out = new Float32Array(rows.length * d);
  rows.forEach((i, k) => {
    for (let j = 0; j < d; j++) out[k * d + j] = (br.a[i * d + j] + br.b[i * d + j]) / 2;
  });
  return out;
}
