import { postOrder, type Expr, type UnaryOp } from '../../../core/expression.ts';

/** The functions and constants a formula may name, and how each becomes IR. */

export interface FunctionSpec {
  /** Fewest and most arguments; Infinity for variadic ones. */
  arity: readonly [number, number];
  /** How a call looks, for error messages and help. */
  usage: string;
  /** The IR of a call whose arity has been checked. */
  build: (args: Expr[]) => Expr;
}

const unary = (op: UnaryOp): FunctionSpec => ({
  arity: [1, 1],
  usage: `${op}(a)`,
  build: ([a]) => ({ op, arg: a }),
});

const chain = (op: 'min' | 'max'): FunctionSpec => ({
  arity: [2, Infinity],
  usage: `${op}(a, b, ...)`,
  build: (args) => args.reduce((left, right) => ({ op, left, right })),
});

const divideByConstant = (e: Expr, c: number): Expr => ({ op: 'div', left: e, right: { op: 'const', value: c } });

/** Every function a formula may call: the one list that errors and help print. */
export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  sin: unary('sin'),
  cos: unary('cos'),
  tan: unary('tan'),
  asin: unary('asin'),
  acos: unary('acos'),
  atan: unary('atan'),
  atan2: { arity: [2, 2], usage: 'atan2(y, x)', build: ([y, x]) => ({ op: 'atan2', left: y, right: x }) },
  sinh: unary('sinh'),
  cosh: unary('cosh'),
  tanh: unary('tanh'),
  exp: unary('exp'),
  log: {
    arity: [1, 2],
    usage: 'log(a) or log(a, base)',
    build: ([a, base]) => (base === undefined ? { op: 'log', arg: a } : { op: 'div', left: { op: 'log', arg: a }, right: { op: 'log', arg: base } }),
  },
  log10: { arity: [1, 1], usage: 'log10(a)', build: ([a]) => divideByConstant({ op: 'log', arg: a }, Math.LN10) },
  log2: { arity: [1, 1], usage: 'log2(a)', build: ([a]) => divideByConstant({ op: 'log', arg: a }, Math.LN2) },
  sqrt: unary('sqrt'),
  square: unary('square'),
  cube: { arity: [1, 1], usage: 'cube(a)', build: ([a]) => integerPower(a, 3) },
  pow: { arity: [2, 2], usage: 'pow(a, b)', build: ([a, b]) => power(a, b) },
  abs: unary('abs'),
  sign: unary('sign'),
  floor: unary('floor'),
  ceil: unary('ceil'),
  round: unary('round'),
  min: chain('min'),
  max: chain('max'),
};

export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E, tau: 2 * Math.PI };

/**
 * Powers with a constant whole exponent up to this size become squarings and products. Beyond
 * it float32 overflows for any base above ~4 (4^64 ≈ 3.4e38), so expansion would buy nothing.
 */
const MAX_EXPANDED_POWER = 64;

/**
 * a^b. A constant whole exponent becomes repeated squaring: x^2 is square(x), x^3 is
 * mul(x, square(x)), x^-2 is 1/square(x). That is cheaper than pow, has the exact derivative, and
 * stays finite for negative bases, where shader pow (WebGL, WebGPU, fused kernels) is undefined.
 * Any other exponent stays pow, whose NaN for a negative base and a fractional exponent is the
 * real-number answer. The base node is shared, not copied (see ir.ts).
 */
export function power(base: Expr, exponent: Expr): Expr {
  const n = constantValue(exponent);
  if (n === undefined || !Number.isInteger(n) || Math.abs(n) > MAX_EXPANDED_POWER) {
    return { op: 'pow', left: base, right: exponent };
  }
  if (n === 0) return { op: 'const', value: 1 };
  const p = integerPower(base, Math.abs(n));
  return n > 0 ? p : { op: 'div', left: { op: 'const', value: 1 }, right: p };
}

function integerPower(base: Expr, n: number): Expr {
  if (n === 1) return base;
  if (n % 2 === 0) return { op: 'square', arg: integerPower(base, n / 2) };
  return { op: 'mul', left: base, right: integerPower(base, n - 1) };
}

/** The value of a variable-free exponent such as -2 or (1/2), so that x^-2 is seen as whole. */
function constantValue(expr: Expr): number | undefined {
  const values = new Map<Expr, number | undefined>();
  for (const e of postOrder(expr)) values.set(e, constantOp(e, values));
  return values.get(expr);
}

/** One node's value from its operands' values (undefined: not a constant). */
function constantOp(e: Expr, values: Map<Expr, number | undefined>): number | undefined {
  if (e.op === 'const') return e.value;
  if (e.op === 'neg' || e.op === 'square') {
    const a = values.get(e.arg);
    if (a === undefined) return undefined;
    return e.op === 'neg' ? -a : a * a;
  }
  if (e.op === 'add' || e.op === 'sub' || e.op === 'mul' || e.op === 'div') {
    const [a, b] = [values.get(e.left), values.get(e.right)];
    if (a === undefined || b === undefined) return undefined;
    return e.op === 'add' ? a + b : e.op === 'sub' ? a - b : e.op === 'mul' ? a * b : a / b;
  }
  return undefined;
}
