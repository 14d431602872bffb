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
