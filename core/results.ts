/**
 * Results for every start, stored column-wise (one typed array per field) so that millions of
 * starts cost a few bytes each. Field names follow scipy.optimize.OptimizeResult.
 * Row i of a [n, d] field is at [i*d, (i+1)*d).
 */
export interface StartResults {
  n: number;
  d: number;
  /** Starting points, [n, d]. */
  x0: Float32Array;
  /** End points, [n, d]. */
  x: Float32Array;
  /** Objective at the end point, [n] (of the user's f, also under --maximize). */
  fun: Float32Array;
  /** Euclidean norm of the gradient at the end point, [n]. */
  gradNorm: Float32Array;
  /** Iterations taken, [n]. */
  nit: Int32Array;
  /** Status code from STATUS, [n]. */
  status: Uint8Array;
}

export function allocateResults(n: number, d: number): StartResults {
  return {
    n,
    d,
    x0: new Float32Array(n * d),
    x: new Float32Array(n * d),
    fun: new Float32Array(n),
    gradNorm: new Float32Array(n),
    nit: new Int32Array(n),
    status: new Uint8Array(n),
  };
}
