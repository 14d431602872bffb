import type { Dtype } from './dtype.ts';

/** A column of computed values: float32, or float64 for a float64 run (kept so to the files). */
export type FloatColumn = Float32Array | Float64Array;

/**
 * Results for every start, stored column-wise (one typed array per field) so that millions of
 * starts cost a few bytes each. Field names follow scipy.optimize.OptimizeResult.
 * Row i of a [n, d] field is at [i*d, (i+1)*d).
 */
export interface StartResults {
  n: number;
  d: number;
  /** Starting points, [n, d] (float32 in every run: starts are made and read as float32). */
  x0: Float32Array;
  /** End points, [n, d]: float64 in a float64 run, like fun and gradNorm. */
  x: FloatColumn;
  /** Objective at the end point, [n] (of the user's f, also under --maximize). */
  fun: FloatColumn;
  /** Euclidean norm of the gradient at the end point, [n]. */
  gradNorm: FloatColumn;
  /** Iterations taken, [n]. */
  nit: Int32Array;
  /** Status code from STATUS, [n]. */
  status: Uint8Array;
}

export function allocateResults(n: number, d: number, dtype: Dtype = 'float32'): StartResults {
  const F = dtype === 'float64' ? Float64Array : Float32Array;
  return {
    n,
    d,
    x0: new Float32Array(n * d),
    x: new F(n * d),
    fun: new F(n),
    gradNorm: new F(n),
    nit: new Int32Array(n),
    status: new Uint8Array(n),
  };
}
