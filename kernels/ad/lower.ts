import { postOrder, type Expr } from '../../core/expression.ts';
import type { GraphBuilder } from './graph.ts';

/** Largest |n| for which x^n becomes multiplies (square-and-multiply: at most 2·log2(n) of them). */
export const MAX_LOWERED_POWER = 64;

/**
 * Adds the forward graph of `expr` to `g` and returns the node of its value. The IR may share
 * nodes (ir.ts), so each is lowered once: without the memo a chain of shared subtrees would be
 * walked an exponential number of times (hash-consing would still give the right graph). The
 * walk is postOrder's loop, not recursion: a long formula is a deep chain.
 */
export function lowerExpr(g: GraphBuilder, expr: Expr, d: number, memo = new Map<Expr, number>()): number {
  for (const e of postOrder(expr)) {
    if (!memo.has(e)) memo.set(e, lowerNode(g, e, d, (operand) => memo.get(operand)!));
  }
  return memo.get(expr)!;
}

function lowerNode(g: GraphBuilder, expr: Expr, d: number, lower: (e: Expr) => number): number {
  switch (expr.op) {
    case 'const':
      return g.constant(expr.value);
    case 'var':
      if (!Number.isInteger(expr.index) || expr.index < 0 || expr.index >= d) {
        throw new RangeError(`variable x${expr.index + 1} is outside dimension ${d}`);
      }
      return g.variable(expr.index);
    case 'square': {
      const a = lower(expr.arg);
      return g.op('mul', a, a);
    }
    case 'neg': case 'sin': case 'cos': case 'tan': case 'asin': case 'acos': case 'atan':
    case 'sinh': case 'cosh': case 'tanh': case 'exp': case 'log': case 'sqrt': case 'abs':
    case 'sign': case 'floor': case 'ceil': case 'round':
      return g.op(expr.op, lower(expr.arg));
    case 'pow':
      return lowerPow(g, lower(expr.left), lower(expr.right));
    case 'add': case 'sub': case 'mul': case 'div': case 'min': case 'max': case 'atan2':
      return g.op(expr.op, lower(expr.left), lower(expr.right));
    default: {
      const op = (expr as { op: string }).op;
      throw new Error(`unknown expression op "${op}"`);
    }
  }
}

/**
 * a^b. A small integer constant exponent becomes multiplies (exact sign handling for negative a,
 * and far cheaper and more accurate than exp(b·log a)); ½ becomes sqrt. Anything else stays a pow
 * node, which the code generators implement with the tfjs/C semantics for negative bases.
 */
export function lowerPow(g: GraphBuilder, a: number, b: number): number {
  const n = g.valueOf(b);
  if (n === undefined) return g.op('pow', a, b);
  if (n === 0.5) return g.op('sqrt', a);
  if (!Number.isInteger(n) || Math.abs(n) > MAX_LOWERED_POWER) return g.op('pow', a, b);
  // pow(x, 0) is 1 even for NaN x, as in tfjs.
  if (n === 0) return g.constant(1);
  const positive = integerPower(g, a, Math.abs(n));
  return n > 0 ? positive : g.op('div', g.constant(1), positive);
}

function integerPower(g: GraphBuilder, a: number, n: number): number {
  if (n === 1) return a;
  const half = integerPower(g, a, Math.floor(n / 2));
  const sq = g.op('mul', half, half);
  return n % 2 === 0 ? sq : g.op('mul', sq, a);
}
