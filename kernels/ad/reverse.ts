import type { GraphBuilder } from './graph.ts';
import { lowerPow } from './lower.ts';

/**
 * Reverse-mode differentiation of the node `out` with respect to every variable, adding the
 * adjoint computations to the same hash-consed graph. Adjoints are kept symbolic and absent
 * (structural zero) until something flows in, so a floor() or a constant branch costs nothing.
 * The local derivatives follow tfjs's gradient definitions, including at the kinks:
 * |x|' = x > 0 ? 1 : −1, min/max send the gradient to the left argument on ties.
 * Returns the node of ∂out/∂x_j for each j.
 */
export function differentiate(g: GraphBuilder, out: number, d: number): number[] {
  const adj = new Map<number, number>();
  adj.set(out, g.constant(1));
  const add = (node: number, contribution: number) => {
    const prev = adj.get(node);
    adj.set(node, prev === undefined ? contribution : g.op('add', prev, contribution));
  };
  const sub = (node: number, contribution: number) => {
    const prev = adj.get(node);
    adj.set(node, prev === undefined ? g.op('neg', contribution) : g.op('sub', prev, contribution));
  };
  const zero = g.constant(0);
  const one = g.constant(1);

  // Adjoint nodes are appended after `out`, so only forward nodes (ids ≤ out) are visited.
  for (let y = out; y >= 0; y--) {
    const w = adj.get(y);
    if (w === undefined) continue;
    const node = g.nodes[y];
    const [a, b] = node.args;
    const mul = (p: number, q: number) => g.op('mul', p, q);
    const div = (p: number, q: number) => g.op('div', p, q);
    switch (node.op) {
      case 'const': case 'var': case 'sign': case 'floor': case 'ceil': case 'round':
        break;
      case 'neg': sub(a, w); break;
      case 'add': add(a, w); add(b, w); break;
      case 'sub': add(a, w); sub(b, w); break;
      case 'mul':
        if (a === b) {
          // u·u: one contribution w·u + w·u (exact doubling), the rounding of tfjs's dy·(2u).
          const wu = mul(w, a);
          add(a, g.op('add', wu, wu));
        } else {
          add(a, mul(w, b));
          add(b, mul(w, a));
        }
        break;
      case 'div': {
        // d(a/b)/db = −(a/b)/b: reuses the quotient instead of forming a/b².
        const q = div(w, b);
        add(a, q);
        sub(b, mul(q, y));
        break;
      }
      case 'sqrt': add(a, div(w, mul(g.constant(2), y))); break;
      case 'exp': add(a, mul(w, y)); break;
      case 'log': add(a, div(w, a)); break;
      case 'sin': add(a, mul(w, g.op('cos', a))); break;
      case 'cos': sub(a, mul(w, g.op('sin', a))); break;
      case 'tan': add(a, mul(w, g.op('add', one, mul(y, y)))); break;
      case 'asin': add(a, div(w, g.op('sqrt', g.op('sub', one, mul(a, a))))); break;
      case 'acos': sub(a, div(w, g.op('sqrt', g.op('sub', one, mul(a, a))))); break;
      case 'atan': add(a, div(w, g.op('add', one, mul(a, a)))); break;
      case 'sinh': add(a, mul(w, g.op('cosh', a))); break;
      case 'cosh': add(a, mul(w, g.op('sinh', a))); break;
      case 'tanh': add(a, mul(w, g.op('sub', one, mul(y, y)))); break;
      case 'abs': add(a, g.op('ifLt', zero, a, w, g.op('neg', w))); break;
      case 'min':
        add(a, g.op('ifLe', a, b, w, zero));
        add(b, g.op('ifLe', a, b, zero, w));
        break;
      case 'max':
        add(a, g.op('ifLe', b, a, w, zero));
        add(b, g.op('ifLe', b, a, zero, w));
        break;
      case 'atan2': {
        // atan2(a, b) = angle of (b, a): ∂/∂a = b/r², ∂/∂b = −a/r².
        const r2 = g.op('add', mul(a, a), mul(b, b));
        const q = div(w, r2);
        add(a, mul(q, b));
        sub(b, mul(q, a));
        break;
      }
      case 'pow': {
        add(a, mul(w, mul(b, lowerPow(g, a, g.op('sub', b, one)))));
        if (g.valueOf(b) === undefined) {
          // tfjs: the exponent's gradient uses log(a) only where a > 0, and 0 elsewhere.
          const logA = g.op('ifLt', zero, a, g.op('log', a), zero);
          add(b, mul(w, mul(y, logA)));
        }
        break;
      }
      case 'ifLt': case 'ifLe':
        throw new Error('selects appear only in derivatives, which are not differentiated again');
    }
  }
  return Array.from({ length: d }, (_, j) => adj.get(g.variable(j)) ?? zero);
}
