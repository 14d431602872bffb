import { mulberry32 } from '../support/random.ts';
import { describe, expect, it } from 'vitest';
import { parse, type EvalFunction, type MathNode } from 'mathjs';
import { tf, type Tensor2D } from '../../core/tf.ts';
import { LIBRARY, findLibraryFunction } from '../../src/objectives/library/index.ts';
import type { KnownPoint, Objective } from '../../src/objectives/types.ts';
import { describeEachBackend } from '../support/backends.ts';

// ---------------------------------------------------------------------------------------------
// Float32 error model.
//
// Every tolerance below comes from a running error bound (Wilkinson): the expression string is
// walked in float64 and each node carries a bound on how far its float32 value can be from the
// exact one, given that every input, constant and operation result is rounded to float32 (unit
// roundoff U) and that incoming errors propagate through each operation by its derivative (or
// exactly, where the derivative misleads: products of two noisy factors, sqrt at 0).
// ---------------------------------------------------------------------------------------------

/** Float32 unit roundoff: half an ulp of 1. */
const U = 2 ** -24;
/** Float64 unit roundoff, for checking the listed reference values themselves. */
const U64 = 2 ** -53;
/**
 * tfjs does not evaluate in exactly the expression's order (mean instead of sum / d, x^20 by
 * repeated squaring, constants folded as 20 + e), so the bound for the expression's order is
 * doubled to cover the library's.
 */
const ORDER_SLACK = 2;

interface Bound {
  /** The value in float64. */
  v: number;
  /** Bound on |computed value − exact value|, computing in float32 (or float64). */
  e: number;
}

type Precision = 'float32' | 'float64';

/** How far storing v in the given precision moves it (float64 literals are already stored). */
const storeError = (v: number, p: Precision) => (p === 'float32' ? Math.abs(Math.fround(v) - v) : 0);

/** Running error bound of one expression tree at a point (variables by name). */
function bound(node: MathNode, scope: Record<string, number>, p: Precision = 'float32'): Bound {
  const u = p === 'float32' ? U : U64;
  // Results below the smallest normal number may be flushed to zero (GPU backends do), so each
  // rounding can also lose up to that much in absolute terms: Easom's exp(−r²) underflows.
  const tiny = p === 'float32' ? 2 ** -126 : 2 ** -1022;
  const n = node as MathNode & { fn?: string | { name: string }; args?: MathNode[]; content?: MathNode; name?: string; value?: unknown };
  switch (node.type) {
    case 'ConstantNode': {
      // A decimal literal such as 2.1 is already rounded once when parsed into float64.
      const v = Number(n.value);
      return { v, e: Number.isInteger(v) ? storeError(v, p) : storeError(v, p) + U64 * Math.abs(v) };
    }
    case 'SymbolNode': {
      const v = n.name! in scope ? scope[n.name!] : n.name === 'pi' ? Math.PI : n.name === 'e' ? Math.E : NaN;
      if (Number.isNaN(v)) throw new Error(`unknown symbol ${n.name}`);
      const constant = n.name === 'pi' || n.name === 'e';
      return { v, e: storeError(v, p) + (constant ? U64 * Math.abs(v) : 0) };
    }
    case 'ParenthesisNode':
      return bound(n.content!, scope, p);
    case 'OperatorNode': {
      const args = n.args!.map((a) => bound(a, scope, p));
      const [a, b] = args;
      const round = (v: number, e: number, roundings = 1): Bound => ({ v, e: e + roundings * (u * Math.abs(v) + tiny) });
      switch (n.fn) {
        case 'unaryMinus':
          return { v: -a.v, e: a.e };
        case 'unaryPlus':
          return a;
        case 'add':
          return round(a.v + b.v, a.e + b.e);
        case 'subtract':
          return round(a.v - b.v, a.e + b.e);
        case 'multiply':
          // The e·e term matters where both factors are rounding noise, e.g. sin(π)².
          return round(a.v * b.v, Math.abs(a.v) * b.e + Math.abs(b.v) * a.e + a.e * b.e);
        case 'divide': {
          const v = a.v / b.v;
          return round(v, (a.e + Math.abs(v) * b.e) / Math.abs(b.v));
        }
        case 'pow': {
          const k = b.v;
          if (!Number.isInteger(k) || k < 1) throw new Error(`only positive integer powers are modelled, got ^${k}`);
          // x^k by repeated multiplication: k − 1 roundings at most. Propagated exactly rather than
          // to first order, for the same reason as in multiply.
          return round(a.v ** k, (Math.abs(a.v) + a.e) ** k - Math.abs(a.v) ** k, k - 1);
        }
      }
      throw new Error(`operator ${String(n.fn)} not modelled`);
    }
    case 'FunctionNode': {
      const name = typeof n.fn === 'string' ? n.fn : n.fn!.name;
      const a = bound(n.args![0], scope, p);
      // Library transcendentals are accurate to about 1 ulp, then rounded: 2u relative. The input
      // error is propagated exactly (not to first order): sqrt has an infinite slope at 0.
      const fn = (v: number, propagated: number): Bound => ({ v, e: propagated + 2 * u * Math.abs(v) + tiny });
      switch (name) {
        case 'sin':
          return fn(Math.sin(a.v), Math.min(2, Math.abs(Math.cos(a.v)) * a.e + (a.e * a.e) / 2));
        case 'cos':
          return fn(Math.cos(a.v), Math.min(2, Math.abs(Math.sin(a.v)) * a.e + (a.e * a.e) / 2));
        case 'exp':
          return fn(Math.exp(a.v), Math.exp(a.v) * Math.expm1(a.e));
        case 'sqrt':
          return fn(Math.sqrt(a.v), Math.sqrt(a.v) - Math.sqrt(Math.max(0, a.v - a.e)));
        case 'abs':
          return { v: Math.abs(a.v), e: a.e };
      }
      throw new Error(`function ${name} not modelled`);
    }
  }
  throw new Error(`node ${node.type} not modelled`);
}

// ---------------------------------------------------------------------------------------------
// The float64 reference for one function at one dimension: its expression string.
// ---------------------------------------------------------------------------------------------

interface Reference {
  o: Objective;
  d: number;
  names: string[];
  tree: MathNode;
  code: EvalFunction;
}

function variableNames(o: Objective, d: number): string[] {
  if (o.dim === 'any') return Array.from({ length: d }, (_, i) => `x${i + 1}`);
  if (d === 1) return ['x'];
  if (d === 2) return ['x', 'y'];
  throw new Error(`no variable names for fixed dimension ${d}`);
}

const references = new Map<string, Reference>();
function reference(o: Objective, d: number): Reference {
  const key = `${o.name}/${d}`;
  let ref = references.get(key);
  if (!ref) {
    const tree = parse(o.expression!(d));
    ref = { o, d, names: variableNames(o, d), tree, code: tree.compile() };
    references.set(key, ref);
  }
  return ref;
}

const scopeOf = (ref: Reference, x: number[]) => Object.fromEntries(ref.names.map((n, i) => [n, x[i]]));
const f64 = (ref: Reference, x: number[]): number => ref.code.evaluate(scopeOf(ref, x)) as number;
const errorBound = (ref: Reference, x: number[], p: Precision = 'float32'): number => bound(ref.tree, scopeOf(ref, x), p).e;
const shifted = (x: number[], j: number, t: number) => x.map((v, k) => (k === j ? t : v));

/** ∂f/∂x_j in float64 by a central difference small enough that its error is far below float32's. */
function grad64(ref: Reference, x: number[]): number[] {
  return x.map((v, j) => {
    const h = 1e-6 * Math.max(1, Math.abs(v));
    return (f64(ref, shifted(x, j, v + h)) - f64(ref, shifted(x, j, v - h))) / (2 * h);
  });
}

/** |∂²f/∂x_j∂x_k| in float64, by central differences. */
function hessianAbs(ref: Reference, x: number[]): number[][] {
  const h = x.map((v) => 1e-4 * Math.max(1, Math.abs(v)));
  const at = (j: number, sj: number, k: number, sk: number) => {
    const y = [...x];
    y[j] += sj * h[j];
    y[k] += sk * h[k];
    return f64(ref, y);
  };
  const entry = (j: number, k: number) => (at(j, 1, k, 1) - at(j, 1, k, -1) - at(j, -1, k, 1) + at(j, -1, k, -1)) / (4 * h[j] * h[k]);
  return x.map((_, j) => x.map((_, k) => Math.abs(entry(j, k))));
}

const matVec = (m: number[][], v: number[]) => m.map((row) => row.reduce((s, a, k) => s + a * v[k], 0));

// ---------------------------------------------------------------------------------------------
// Points.
// ---------------------------------------------------------------------------------------------


const seedOf = (s: string) => [...s].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261);

/**
 * Largest central-difference step: cbrt(eps32) max(1, |x|) balances h² truncation against eps/h
 * rounding for a function whose length scale is its argument's.
 */
const maxStep = (v: number) => Math.cbrt(2 * U) * Math.max(1, Math.abs(v));

/** ∂³f/∂x_j³ in float64, by the 4-point central stencil. */
function third64(ref: Reference, x: number[], j: number): number {
  const k = 1e-3 * Math.max(1, Math.abs(x[j]));
  const at = (t: number) => f64(ref, shifted(x, j, x[j] + t * k));
  return (at(2) - 2 * at(1) + 2 * at(-1) - at(-2)) / (2 * k ** 3);
}

/**
 * Central-difference step along x_j: the textbook optimum cbrt(3ε/|f'''|), which balances the
 * truncation h²|f'''|/6 against the rounding ε/h of two float32 values each up to ε off. Functions
 * that wiggle faster than their argument's scale (Griewank, Ackley, Michalewicz) need it smaller
 * than maxStep; the floor keeps x ± h distinct in float32.
 */
function stepFor(ref: Reference, x: number[], j: number): number {
  const eps = ORDER_SLACK * errorBound(ref, x);
  const floor = 64 * U * Math.max(1, Math.abs(x[j]));
  const optimum = Math.cbrt((3 * eps) / Math.abs(third64(ref, x, j)));
  // 0/0 where f underflows to exactly 0 all around (Easom far from its well).
  return Number.isNaN(optimum) ? maxStep(x[j]) : Math.max(floor, Math.min(maxStep(x[j]), optimum));
}

/**
 * Distance to where f is not smooth, in units of the function's own argument. Central differences
 * straddling such a point measure a different function, so random points keep clear of them.
 */
const KINK_DISTANCE: Record<string, (x: number[]) => number> = {
  ackley: (x) => Math.hypot(...x),
  schwefel: (x) => Math.min(...x.map(Math.abs)),
  eggholder: ([x, y]) => Math.min(Math.abs(x / 2 + y + 47), Math.abs(x - y - 47)),
};

/**
 * `n` float32 points, at least 10 steps from any kink: half uniform in the box, half within 5% of
 * the box's width around listed points, where f varies on a finer scale (and where Easom, which
 * underflows to 0 over most of its box, is not identically 0).
 */
function randomPoints(o: Objective, d: number, n: number, seed: string): number[][] {
  const rand = mulberry32(seedOf(seed));
  const box = o.box(d);
  const known = o.known(d);
  const kink = KINK_DISTANCE[o.name];
  const points: number[][] = [];
  while (points.length < n) {
    const near = points.length % 2 === 1 && known.length > 0 ? known[Math.floor(rand() * known.length)].x : undefined;
    const x = box.map(([lo, hi], j) => {
      const t = near ? near[j] + 0.05 * (hi - lo) * (2 * rand() - 1) : lo + (hi - lo) * rand();
      return Math.fround(Math.min(hi, Math.max(lo, t)));
    });
    if (kink && kink(x) < 10 * Math.max(...x.map(maxStep))) continue;
    points.push(x);
  }
  return points;
}

function dimsFor(o: Objective): number[] {
  if (o.dim !== 'any') return [o.dim];
  return [...new Set([o.defaultDim, 3, 5])];
}

// Reads are asynchronous: webgpu cannot read synchronously under Node.
async function read<T>(t: tf.Tensor): Promise<T> {
  try {
    return (await t.array()) as T;
  } finally {
    t.dispose();
  }
}

function evalF(o: Objective, rows: number[][]): Promise<number[]> {
  return read(tf.tidy(() => o.f(tf.tensor2d(rows) as Tensor2D)));
}

function autodiff(o: Objective, rows: number[][]): Promise<number[][]> {
  return read(tf.tidy(() => tf.grad((x: tf.Tensor) => tf.sum(o.f(x as Tensor2D)))(tf.tensor2d(rows))));
}

/** err ≤ tol, with both numbers in the failure message. */
function within(err: number, tol: number, where = ''): void {
  expect(err, `${where}: error ${err} against tolerance ${tol}`).toBeLessThanOrEqual(tol);
}

const onEdge = (box: Objective['box'], d: number, x: number[], j: number) => {
  const [lo, hi] = box(d)[j];
  return x[j] === lo ? -1 : x[j] === hi ? 1 : 0;
};

// ---------------------------------------------------------------------------------------------
// Backend-independent checks of the library's data.
// ---------------------------------------------------------------------------------------------

describe('library contents', () => {
  it('has the required functions, with unique lower-case-dash names', () => {
    const names = LIBRARY.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const required of [
      'himmelblau', 'six-hump-camel', 'branin', 'rosenbrock', 'rastrigin', 'ackley', 'styblinski-tang', 'beale',
      'booth', 'matyas', 'levy', 'griewank', 'schwefel', 'michalewicz', 'easom', 'poly1d',
    ]) {
      expect(findLibraryFunction(required)?.name).toBe(required);
    }
    expect(findLibraryFunction('Six Hump_Camel')?.name).toBe('six-hump-camel');
  });

  for (const o of LIBRARY) {
    describe(o.name, () => {
      it('has a source, a formula, an expression and a global minimum at its default dimension', () => {
        expect(o.source.trim()).not.toBe('');
        expect(o.formula.trim()).not.toBe('');
        expect(o.expression).toBeTypeOf('function');
        expect(o.known(o.defaultDim).some((p) => p.global && p.kind === 'minimum')).toBe(true);
        if (o.dim !== 'any') expect(o.defaultDim).toBe(o.dim);
      });

      for (const d of dimsFor(o)) {
        it(`d=${d}: listed points lie in the box and agree with the expression in float64`, () => {
          const ref = reference(o, d);
          const box = o.box(d);
          for (const p of o.known(d)) {
            expect(p.x).toHaveLength(d);
            p.x.forEach((v, j) => expect(v >= box[j][0] && v <= box[j][1], `${o.name}: ${p.x} outside the box`).toBe(true));
            // The listed x carry 12 or more significant digits; at a stationary point an error δ in
            // x moves f by ½ δᵀHδ. Add mathjs's own float64 rounding and the listed f's rounding.
            const delta = p.x.map((v) => 5e-12 * Math.max(1, Math.abs(v)));
            const secondOrder = 0.5 * matVec(hessianAbs(ref, p.x), delta).reduce((s, hd, j) => s + hd * delta[j], 0);
            const tol = secondOrder + ORDER_SLACK * errorBound(ref, p.x, 'float64') + U64 * Math.abs(p.f);
            within(Math.abs(f64(ref, p.x) - p.f), tol, `${o.name} at ${p.x}`);
          }
        });

        it(`d=${d}: global minima are the lowest listed minima, and no random point is lower`, () => {
          const ref = reference(o, d);
          const known = o.known(d);
          const globals = known.filter((p) => p.global);
          for (const p of globals) expect(p.kind).toBe('minimum');
          if (globals.length === 0) return;
          const fStar = Math.min(...globals.map((p) => p.f));
          // Ties are all flagged (Branin's three), and every unflagged minimum is strictly higher.
          const tie = (p: KnownPoint) => Math.abs(p.f - fStar) <= ORDER_SLACK * errorBound(ref, p.x);
          for (const p of known.filter((q) => q.kind === 'minimum')) expect(tie(p), `${o.name} at ${p.x}`).toBe(!!p.global);
          for (const x of randomPoints(o, d, 400, `below-${o.name}-${d}`)) {
            expect(f64(ref, x)).toBeGreaterThanOrEqual(fStar);
          }
        });
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The tfjs graphs, on every backend.
// ---------------------------------------------------------------------------------------------

describeEachBackend('library functions', (backend) => {
  for (const o of LIBRARY) {
    for (const d of dimsFor(o)) {
      describe(`${o.name} d=${d}`, () => {
        it('f at every listed point matches the listed value', async () => {
          const ref = reference(o, d);
          const known = o.known(d);
          if (known.length === 0) return;
          const values = await evalF(o, known.map((p) => p.x));
          known.forEach((p, i) => {
            const tol = ORDER_SLACK * errorBound(ref, p.x);
            within(Math.abs(values[i] - p.f), tol, `${backend} ${o.name} ${p.kind} at ${p.x}`);
          });
        });

        it('autodiff gradient matches float32 central differences at 20 random points', async () => {
          const ref = reference(o, d);
          const points = randomPoints(o, d, 20, `grad-${o.name}-${d}`);
          const g = await autodiff(o, points);
          // Both neighbours of every point along every axis, evaluated as one batch.
          const rows: number[][] = [];
          const steps: Array<{ i: number; j: number; xp: number; xm: number }> = [];
          points.forEach((x, i) =>
            x.forEach((v, j) => {
              const h = stepFor(ref, x, j);
              // Rounded to float32 first, so the divisor below is exactly the step tfjs took.
              const xp = Math.fround(v + h);
              const xm = Math.fround(v - h);
              rows.push(shifted(x, j, xp), shifted(x, j, xm));
              steps.push({ i, j, xp, xm });
            }),
          );
          const values = await evalF(o, rows);
          steps.forEach(({ i, j, xp, xm }, s) => {
            const x = points[i];
            const [up, down] = [shifted(x, j, xp), shifted(x, j, xm)];
            const cd = (values[2 * s] - values[2 * s + 1]) / (xp - xm);
            const exact = grad64(ref, x)[j];
            // Truncation error of this very step (h² f'''/6 + ...), measured in float64 ...
            const truncation = Math.abs((f64(ref, up) - f64(ref, down)) / (xp - xm) - exact);
            // ... plus float32 rounding of the two values, divided by the step ...
            const rounding = (ORDER_SLACK * (errorBound(ref, up) + errorBound(ref, down))) / (xp - xm);
            // ... plus the autodiff gradient's own rounding (see gradientTolerance).
            const tol = truncation + rounding + gradientTolerance(ref, x)[j];
            within(Math.abs(g[i][j] - cd), tol, `${backend} ${o.name} ∂/∂x${j + 1} at ${x}`);
          });
        });

        it('gradient vanishes at every listed stationary point (KKT on the box edge)', async () => {
          const ref = reference(o, d);
          const known = o.known(d);
          if (known.length === 0) return;
          const g = await autodiff(o, known.map((p) => p.x));
          known.forEach((p, i) => {
            const tol = gradientTolerance(ref, p.x);
            p.x.forEach((_, j) => {
              const where = `${backend} ${o.name} ${p.kind} at ${p.x}, ∂/∂x${j + 1}`;
              const edge = onEdge(o.box, d, p.x, j);
              // A minimum on the upper edge only needs f to fall outwards: ∂f/∂x_j ≤ 0 (≥ 0 on the lower edge).
              if (edge !== 0 && p.kind === 'minimum') within(edge * g[i][j], tol[j], where);
              else within(Math.abs(g[i][j]), tol[j], where);
            });
          });
        });

        it('rows of a batch are independent', async () => {
          const ref = reference(o, d);
          const points = randomPoints(o, d, 8, `rows-${o.name}-${d}`);
          const batch = await evalF(o, points);
          const alone = await Promise.all(points.map(async (x) => (await evalF(o, [x]))[0]));
          points.forEach((x, i) => within(Math.abs(batch[i] - alone[i]), ORDER_SLACK * errorBound(ref, x)));
          // Reversing the batch reverses the values: no row depends on its position.
          const reversed = (await evalF(o, [...points].reverse())).reverse();
          points.forEach((x, i) => within(Math.abs(reversed[i] - batch[i]), ORDER_SLACK * errorBound(ref, x)));
        });

        it('expression(d) evaluated by mathjs in float64 agrees with f', async () => {
          const ref = reference(o, d);
          const listed = o.known(d).slice(0, 10).map((p) => p.x.map(Math.fround));
          const points = [...randomPoints(o, d, 10, `expr-${o.name}-${d}`), ...listed];
          const values = await evalF(o, points);
          points.forEach((x, i) => {
            within(Math.abs(values[i] - f64(ref, x)), ORDER_SLACK * errorBound(ref, x), `${backend} ${o.name} at ${x}`);
          });
        });
      });
    }
  }
});

/**
 * Allowance for float32 rounding in an autodiff gradient at x. Rounding x moves ∂f/∂x_j by up to
 * U Σ_k |H_jk x_k|; the forward values the backward pass reuses carry rounding of their own, which
 * acts like a further perturbation of x by a few ulps, and the backward operations add rounding of
 * the gradient's size. GRAD_ROUNDINGS = 16 ulps of x covers that with room: the worst case seen
 * here is about 6, at Branin's minima.
 */
const GRAD_ROUNDINGS = 16;
function gradientTolerance(ref: Reference, x: number[]): number[] {
  const hx = matVec(hessianAbs(ref, x), x.map(Math.abs));
  const g = grad64(ref, x);
  return hx.map((s, j) => GRAD_ROUNDINGS * U * (s + Math.abs(g[j])));
}
