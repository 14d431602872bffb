import type { ArithOps, RowOps } from '../../core/ops.ts';
import type { V, VecOps } from '../vector-ops.ts';

/**
 * The lanes seen as rows (core/ops.ts RowOps): a per-start value is one vector (a lane per start),
 * a point is one vector per coordinate, so elementwise point ops are emitted coordinate by
 * coordinate. Code the rule computes but never uses (a test on an axis it then does not reduce)
 * is dead and removed by the target's compiler.
 */
export function laneRows(L: VecOps, d: number): RowOps<V[], V> {
  // Constants from axis() that are exactly 0: x − 0 is x (−0 included), so it is not emitted.
  const zeros = new WeakSet<V>();
  const same = (v: V) => Array.from({ length: d }, () => v);
  const each1 = (f: (a: V) => V) => (a: V[]) => a.map(f);
  const each2 = (f: (a: V, b: V) => V) => (a: V[], b: V[]) => a.map((v, j) => f(v, b[j]));
  const p: ArithOps<V[]> = {
    c: (x) => same(L.c(x)),
    zerosLike: () => same(L.c(0)),
    add: each2((a, b) => L.add(a, b)),
    sub: each2((a, b) => (zeros.has(b) ? a : L.sub(a, b))),
    mul: each2((a, b) => L.mul(a, b)),
    div: each2((a, b) => L.div(a, b)),
    min: each2((a, b) => L.min(a, b)),
    max: each2((a, b) => L.max(a, b)),
    neg: each1((a) => L.neg(a)),
    abs: each1((a) => L.abs(a)),
    sqrt: each1((a) => L.sqrt(a)),
    lt: each2((a, b) => L.lt(a, b)),
    le: each2((a, b) => L.le(a, b)),
    gt: each2((a, b) => L.gt(a, b)),
    ge: each2((a, b) => L.ge(a, b)),
    eq: each2((a, b) => L.eq(a, b)),
    and: each2((a, b) => L.and(a, b)),
    or: each2((a, b) => L.or(a, b)),
    andNot: each2((a, b) => L.andNot(a, b)),
    not: each1((a) => L.not(a)),
    sel: (m, a, b) => m.map((mj, j) => L.sel(mj, a[j], b[j])),
    finite: each1((a) => L.finite(a)),
  };
  const pick = (v: V[], axes?: readonly number[]) => (axes ? axes.map((j) => v[j]) : v);
  return {
    p,
    s: L,
    d,
    axis: (values) =>
      values.map((x) => {
        const v = L.c(x);
        if (Object.is(x, 0)) zeros.add(v);
        return v;
      }),
    sum: (v, axes) => pick(v, axes).reduce((a, b) => L.add(a, b)),
    all: (m, axes) => pick(m, axes).reduce((a, b) => L.and(a, b)),
    spread: same,
  };
}
