import { mulberry32 } from '../../support/random.ts';
/** Size of one unit in the last place at v, in float32 or float64 (subnormals included). */
export function ulp(v: number, dtype: 'float32' | 'float64'): number {
  const [mant, minExp] = dtype === 'float32' ? [23, -126] : [52, -1022];
  const a = Math.abs(v);
  if (a === 0 || !Number.isFinite(a)) return 2 ** (minExp - mant);
  const e = Math.max(Math.floor(Math.log2(a)), minExp);
  // log2 can be off by one right at powers of two.
  const adj = 2 ** e > a ? e - 1 : 2 ** (e + 1) <= a ? e + 1 : e;
  return 2 ** (Math.max(adj, minExp) - mant);
}

/** Error of `got` against the exact (float64) `want` in ulps of `want` in dtype; specials must match. */
export function ulpError(got: number, want: number, dtype: 'float32' | 'float64'): number {
  if (Number.isNaN(want) || !Number.isFinite(want)) return Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want)) ? 0 : Infinity;
  if (dtype === 'float32' && Math.abs(want) > 3.4028234663852886e38) return got === Math.sign(want) * Infinity ? 0 : Infinity;
  return Math.abs(got - want) / ulp(want, dtype);
}


/** Deterministic uniform numbers (mulberry32). */
export const rng = mulberry32;
