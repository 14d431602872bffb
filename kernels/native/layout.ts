import { recordFields, type RecordFields } from '../record.ts';
import type { FusedDtype } from '../types.ts';

/**
 * Where a batch of starts lives in the native kernel's memory: cpu/layout.ts's records with
 * vectors of the host's width instead of 16 bytes. Starts go in groups of unroll × width; a group
 * is one record of fields (x[0..d), state vectors, xOut[0..d), fun, gradNorm, nit, status), each
 * field `unroll` vectors of `vectorBytes`, so a group's state is contiguous and every vector
 * load is aligned (records start on a 64-byte boundary).
 */
export interface NativeLayout extends Omit<RecordFields, 'columns'> {
  dtype: FusedDtype;
  unroll: number;
  vectorBytes: number;
  /** Lanes per vector. */
  width: number;
  groupSize: number;
  fields: number;
  recordBytes: number;
}

export function makeNativeLayout(dtype: FusedDtype, d: number, nState: number, unroll: number, vectorBytes: number): NativeLayout {
  const width = vectorBytes / (dtype === 'float32' ? 4 : 8);
  const { columns: fields, ...record } = recordFields(d, nState);
  return { ...record, dtype, unroll, vectorBytes, width, groupSize: unroll * width, fields, recordBytes: fields * unroll * vectorBytes };
}

/** Byte offset, within a record, of vector u of field f. */
export function nativeFieldOffset(L: NativeLayout, field: number, u: number): number {
  return (field * L.unroll + u) * L.vectorBytes;
}
