import type { TapeOp } from './tape.ts';

/**
 * Scalar meaning of every tape op, in float64: JavaScript's Math, which is also the IR's meaning
 * (round rounds halves up, as src/objectives/expression/ir.ts says). Used for constant folding and
 * by the interpreter that checks the code generators.
 */
export function applyOp(op: TapeOp, a: readonly number[]): number {
  const [x, y] = a;
  switch (op) {
    case 'neg': return -x;
    case 'sqrt': return Math.sqrt(x);
    case 'exp': return Math.exp(x);
    case 'log': return Math.log(x);
    case 'sin': return Math.sin(x);
    case 'cos': return Math.cos(x);
    case 'tan': return Math.tan(x);
    case 'asin': return Math.asin(x);
    case 'acos': return Math.acos(x);
    case 'atan': return Math.atan(x);
    case 'sinh': return Math.sinh(x);
    case 'cosh': return Math.cosh(x);
    case 'tanh': return Math.tanh(x);
    case 'abs': return Math.abs(x);
    case 'sign': return Math.sign(x);
    case 'floor': return Math.floor(x);
    case 'ceil': return Math.ceil(x);
    case 'round': return Math.round(x);
    case 'add': return x + y;
    case 'sub': return x - y;
    case 'mul': return x * y;
    case 'div': return x / y;
    case 'min': return Math.min(x, y);
    case 'max': return Math.max(x, y);
    case 'atan2': return Math.atan2(x, y);
    case 'pow': return Math.pow(x, y);
    case 'ifLt': return x < y ? a[2] : a[3];
    case 'ifLe': return x <= y ? a[2] : a[3];
    case 'const':
    case 'var':
      throw new Error(`applyOp: ${op} has no arguments to apply to`);
  }
}
