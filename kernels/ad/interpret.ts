import { applyOp } from './scalar-ops.ts';
import type { Tape } from './tape.ts';

/**
 * Runs a tape on one point in float64 (or, with `round = Math.fround`, rounding every
 * intermediate to float32). The specification the code generators are checked against; also the
 * scalar fallback for anything that needs one value.
 */
export function evalTape(tape: Tape, x: ArrayLike<number>, round: (v: number) => number = (v) => v): { f: number; grad: number[] } {
  const vals = new Float64Array(tape.instrs.length);
  tape.instrs.forEach((ins, i) => {
    if (ins.op === 'const') vals[i] = round(ins.value!);
    else if (ins.op === 'var') vals[i] = round(x[ins.index!]);
    else vals[i] = round(applyOp(ins.op, ins.args.map((a) => vals[a])));
  });
  return { f: vals[tape.f], grad: tape.grad.map((g) => vals[g]) };
}
