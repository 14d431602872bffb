import type { Expr } from '../../../core/expression.ts';
import { parseExpression } from '../../../src/objectives/expression/parse.ts';
import { rng } from './ulp.ts';
import { LIBRARY } from '../../../src/objectives/library/index.ts';

export interface Case {
  name: string;
  expr: Expr;
  d: number;
  /** Points are drawn uniformly from this box. */
  box: Array<[number, number]>;
}

const named = (name: string, formula: string, box: Array<[number, number]>): Case => {
  const p = parseExpression(formula);
  return { name, expr: p.expr, d: p.dim, box };
};

/** Every library function, through its expression form, at its default dimension and in its box. */
export function libraryCases(): Case[] {
  return LIBRARY.filter((o) => o.expression).map((o) => {
    const d = o.defaultDim;
    return { name: `library ${o.name}`, expr: parseExpression(o.expression!(d), { dim: d }).expr, d, box: o.box(d) };
  });
}

export const NAMED: Case[] = [
  named('himmelblau', '(x^2+y-11)^2+(x+y^2-7)^2', [[-5, 5], [-5, 5]]),
  named('six-hump camel', '(4-2.1*x^2+x^4/3)*x^2+x*y+(-4+4*y^2)*y^2', [[-3, 3], [-2, 2]]),
  named('rastrigin-2d', '20 + x1^2 - 10*cos(2*pi*x1) + x2^2 - 10*cos(2*pi*x2)', [[-5.12, 5.12], [-5.12, 5.12]]),
  named('rosenbrock', '(1-x)^2 + 100*(y-x^2)^2', [[-2, 2], [-1, 3]]),
  named('ackley', '-20*exp(-0.2*sqrt(0.5*(x^2+y^2))) - exp(0.5*(cos(2*pi*x)+cos(2*pi*y))) + e + 20', [[-5, 5], [-5, 5]]),
];

/**
 * Random expressions over the whole op set, each op wrapped so that it is defined (and not
 * overflowing) wherever its operands are finite: log and sqrt of u² + c, asin of 0.9·tanh u, a
 * real power of a positive base with a bounded exponent, division by u² + 1... Deterministic in
 * the seed.
 */
export function randomCases(count: number, seed: number): Case[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const c = (value: number): Expr => ({ op: 'const', value });
  const u1 = (op: Extract<Expr, { arg: Expr }>['op'], arg: Expr): Expr => ({ op, arg } as Expr);
  const b2 = (op: Extract<Expr, { left: Expr }>['op'], left: Expr, right: Expr): Expr => ({ op, left, right } as Expr);
  const positive = (e: Expr, floor: number) => b2('add', u1('square', e), c(floor));
  const bounded = (e: Expr, scale: number) => b2('mul', c(scale), u1('tanh', e));

  const out: Case[] = [];
  for (let k = 0; k < count; k++) {
    const d = 1 + Math.floor(r() * 3);
    const leaf = (): Expr => (r() < 0.75 ? { op: 'var', index: Math.floor(r() * d) } : c(Math.round((r() * 4 - 2) * 100) / 100));
    const gen = (depth: number): Expr => {
      if (depth === 0) return leaf();
      const a = () => gen(depth - 1);
      const kind = pick([
        'neg', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'exp', 'log', 'sqrt',
        'abs', 'sign', 'square', 'floor', 'ceil', 'round',
        'add', 'sub', 'mul', 'div', 'pow', 'powInt', 'min', 'max', 'atan2', 'add', 'mul',
      ] as const);
      switch (kind) {
        case 'tan': return u1('tan', bounded(a(), 1.2));
        case 'asin': case 'acos': return u1(kind, bounded(a(), 0.9));
        case 'sinh': case 'cosh': case 'exp': return u1(kind, bounded(a(), 3));
        case 'log': return u1('log', positive(a(), 0.5));
        case 'sqrt': return u1('sqrt', positive(a(), 0.1));
        case 'div': return b2('div', a(), positive(a(), 1));
        case 'pow': return b2('pow', positive(a(), 0.5), bounded(a(), 2));
        case 'powInt': {
          const n = pick([2, 3, 4, -1, 0.5, 1.5]);
          // A negative base has a real power only for whole exponents.
          return b2('pow', Number.isInteger(n) ? bounded(a(), 2) : positive(a(), 0.1), c(n));
        }
        case 'sign': case 'floor': case 'ceil': case 'round':
          // Piecewise constant: added to a smooth term so the case still has a gradient to check.
          return b2('add', u1(kind, b2('mul', c(1.3), a())), a());
        case 'add': case 'sub': case 'mul': case 'min': case 'max': case 'atan2':
          return b2(kind, a(), a());
        case 'square': return u1('square', bounded(a(), 3));
        default: return u1(kind, a());
      }
    };
    let expr = gen(2 + Math.floor(r() * 3));
    // A formula that lost its variables to constant leaves checks nothing: draw again.
    while (!usesVariable(expr)) expr = gen(3);
    out.push({ name: `random #${k} (d=${d})`, expr, d, box: Array.from({ length: d }, () => [-2, 2] as [number, number]) });
  }
  return out;
}

function usesVariable(e: Expr): boolean {
  if (e.op === 'var') return true;
  if (e.op === 'const') return false;
  return 'arg' in e ? usesVariable(e.arg) : usesVariable(e.left) || usesVariable(e.right);
}

export function pointsIn(box: Array<[number, number]>, n: number, seed: number): Float32Array {
  const r = rng(seed);
  const d = box.length;
  return Float32Array.from({ length: n * d }, (_, i) => {
    const [lo, hi] = box[i % d];
    return lo + r() * (hi - lo);
  });
}

/** Prints an expression in the formula syntax, for failure messages. */
export function show(e: Expr): string {
  switch (e.op) {
    case 'const': return String(e.value);
    case 'var': return `x${e.index + 1}`;
    default:
      if ('arg' in e) return `${e.op}(${show(e.arg)})`;
      return `${e.op}(${show(e.left)}, ${show(e.right)})`;
  }
}
