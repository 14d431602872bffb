import type { Tape } from '../../../kernels/ad/tape.ts';
import { applyOp } from '../../../kernels/ad/scalar-ops.ts';

/**
 * The float32 error budget of a tape at a point: the largest magnitude among its intermediate
 * values (in float64). Two float32 evaluations of the same formula differ by a few ulps of the
 * largest term that cancels, so comparisons allow K·2^-24·scale on top of a relative part.
 */
export function magnitudeScale(tape: Tape, x: ArrayLike<number>): number {
  const vals = new Float64Array(tape.instrs.length);
  let scale = 0;
  tape.instrs.forEach((ins, i) => {
    vals[i] = ins.op === 'const' ? ins.value! : ins.op === 'var' ? x[ins.index!] : applyOp(ins.op, ins.args.map((a) => vals[a]));
    if (Number.isFinite(vals[i])) scale = Math.max(scale, Math.abs(vals[i]));
  });
  return scale;
}

/** |got − want| ≤ rel·|want| + abs, with NaN/∞ required to match. */
export function close(got: number, want: number, rel: number, abs: number): boolean {
  if (!Number.isFinite(want)) return Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want));
  return Math.abs(got - want) <= rel * Math.abs(want) + abs;
}
