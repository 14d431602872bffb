/**
 * The fields of one start's record, in order, shared by every fused engine's memory layout:
 * x[0..d), the optimizer's state vectors (d each), xOut[0..d), fun, gradNorm, nit, status.
 * x is the working point; xOut, fun, gradNorm, nit and status are written when the start ends.
 */
export interface RecordFields {
  d: number;
  nState: number;
  /** Number of fields (columns) in a record. */
  columns: number;
  x: number;
  state: number;
  xOut: number;
  fun: number;
  gradNorm: number;
  nit: number;
  status: number;
}

export function recordFields(d: number, nState: number): RecordFields {
  const xOut = d * (1 + nState);
  const fun = xOut + d;
  return { d, nState, columns: fun + 4, x: 0, state: d, xOut, fun, gradNorm: fun + 1, nit: fun + 2, status: fun + 3 };
}

/**
 * The optimizer's per-iteration scalars for t = 0..maxIter, row t at [t·k, (t+1)·k), computed in
 * float64 as every engine uses them (Transform.scalars); undefined when the optimizer has none.
 */
export function scalarTable(scalars: (t: number) => number[], maxIter: number): Float64Array | undefined {
  const k = scalars(0).length;
  if (k === 0) return undefined;
  const out = new Float64Array(k * (maxIter + 1));
  for (let t = 0; t <= maxIter; t++) out.set(scalars(t), t * k);
  return out;
}
