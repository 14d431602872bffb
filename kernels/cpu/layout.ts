import { recordFields, type RecordFields } from '../record.ts';
import type { FusedDtype } from '../types.ts';

/**
 * Where a block of starts lives in the kernel's linear memory. Starts go in groups of
 * unroll × width (width = 4 float32 or 2 float64 lanes); a group is one record of fields, each
 * field `unroll` vectors of 16 bytes:
 *   x[0..d), state vectors (d each, 0-2 of them), xOut[0..d), fun, gradNorm, nit, status
 * so one group's state is contiguous and every load is an aligned v128. x is the working point;
 * xOut, fun, gradNorm, nit and status are written once, when the start finishes.
 */
export interface Layout extends Omit<RecordFields, 'columns'> {
  dtype: FusedDtype;
  unroll: number;
  /** Lanes per vector. */
  width: number;
  /** Starts per group. */
  groupSize: number;
  /** Fields per record (vectors per sub-vector). */
  fields: number;
  recordBytes: number;
}

export function makeLayout(dtype: FusedDtype, d: number, nState: number, unroll: number): Layout {
  const width = dtype === 'float32' ? 4 : 2;
  const { columns: fields, ...record } = recordFields(d, nState);
  return { ...record, dtype, unroll, width, groupSize: unroll * width, fields, recordBytes: fields * unroll * 16 };
}

/** Byte offset, within a record, of sub-vector u of field f. */
export function fieldOffset(L: Layout, field: number, u: number): number {
  return (field * L.unroll + u) * 16;
}
