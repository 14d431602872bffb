/**
 * The tape: a straight-line program (SSA, one scalar instruction per entry, arguments always
 * earlier entries) that computes f and all d partial derivatives together. Every code generator
 * (wasm SIMD, WGSL, the JS interpreter) consumes only this, so all engines differentiate the same
 * way.
 *
 * The op set is the IR's minus what lowering removes (square, integer powers become multiplies),
 * plus two selects that derivatives of abs/min/max/pow need:
 *   ifLt(a, b, t, e) = a < b ? t : e        ifLe(a, b, t, e) = a <= b ? t : e
 */
export type TapeOp =
  | 'const' | 'var'
  | 'neg' | 'sqrt' | 'exp' | 'log' | 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan'
  | 'sinh' | 'cosh' | 'tanh' | 'abs' | 'sign' | 'floor' | 'ceil' | 'round'
  | 'add' | 'sub' | 'mul' | 'div' | 'min' | 'max' | 'atan2' | 'pow'
  | 'ifLt' | 'ifLe';

export const TAPE_ARITY: Record<TapeOp, number> = {
  const: 0, var: 0,
  neg: 1, sqrt: 1, exp: 1, log: 1, sin: 1, cos: 1, tan: 1, asin: 1, acos: 1, atan: 1,
  sinh: 1, cosh: 1, tanh: 1, abs: 1, sign: 1, floor: 1, ceil: 1, round: 1,
  add: 2, sub: 2, mul: 2, div: 2, min: 2, max: 2, atan2: 2, pow: 2,
  ifLt: 4, ifLe: 4,
};

export interface Instr {
  op: TapeOp;
  /** Indices of earlier instructions. */
  args: readonly number[];
  /** The value of a 'const' (as a float64; engines round it to their dtype). */
  value?: number;
  /** The column of a 'var'. */
  index?: number;
}

export interface Tape {
  /** Number of variables. */
  d: number;
  instrs: Instr[];
  /** Instruction holding f. */
  f: number;
  /** Instruction holding ∂f/∂x_j, for j = 0..d-1 (a 'const' 0 where f does not depend on x_j). */
  grad: number[];
}

/** Human-readable listing, for error messages and debugging. */
export function formatTape(tape: Tape): string {
  const lines = tape.instrs.map((ins, i) => {
    const rhs =
      ins.op === 'const' ? String(ins.value)
      : ins.op === 'var' ? `x${ins.index}`
      : `${ins.op}(${ins.args.map((a) => `%${a}`).join(', ')})`;
    return `%${i} = ${rhs}`;
  });
  lines.push(`f = %${tape.f}`, `grad = [${tape.grad.map((g) => `%${g}`).join(', ')}]`);
  return lines.join('\n');
}

/** How many instructions of each op a tape holds (the cost model of the benchmarks). */
export function opCounts(tape: Tape): Partial<Record<TapeOp, number>> {
  const counts: Partial<Record<TapeOp, number>> = {};
  for (const ins of tape.instrs) counts[ins.op] = (counts[ins.op] ?? 0) + 1;
  return counts;
}

/** The longest chain of dependent instructions (a leaf is 1): how deep code generators nest. */
export function tapeDepth(tape: Tape): number {
  const depth = new Int32Array(tape.instrs.length);
  let deepest = 0;
  tape.instrs.forEach((ins, i) => {
    depth[i] = 1 + ins.args.reduce((m, a) => Math.max(m, depth[a]), 0);
    deepest = Math.max(deepest, depth[i]);
  });
  return deepest;
}
