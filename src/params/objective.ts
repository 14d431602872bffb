import { UserError } from '../../core/errors.ts';
import { tf, type Tensor2D } from '../../core/tf.ts';
import type { Expr } from '../../core/expression.ts';
import { parseBox } from '../objectives/box.ts';
import { parseExpression } from '../objectives/expression/parse.ts';
import { exprToTfjs } from '../objectives/expression/to-tfjs.ts';
import type { Box, Objective, ObjectiveFn } from '../objectives/types.ts';
import type { ParamAxis } from './axes.ts';

/** A formula with named parameters: one objective over [free variables, parameters]. */
export interface ParamObjective {
  /** f over d + p columns; `params` names the last p (the descent keeps them frozen). */
  wide: Objective;
  /** Free variables (the formula's dimension). */
  d: number;
  /** The free variables' names (x, y, z or x1..xd), as parse.ts gives them. */
  variables: string[];
  /** The box of the free variables (from --box). */
  box: Box;
  /** f of the free variables at one parameter point (for the Hessian of each basin). */
  at(values: readonly number[]): ObjectiveFn;
}

/**
 * Parses a formula whose parameters are named by the axes. Each parameter is a column after the
 * d free variables (parse.ts), so every engine runs the same expression on rows [x, a]: all
 * (parameter value × start) rows descend together, in the same batches.
 */
export function paramObjective(source: string, axes: readonly ParamAxis[], opts: { box?: string; dim?: number }): ParamObjective {
  const names = axes.map((a) => a.name);
  const parsed = parseExpression(source, { dim: opts.dim, params: names });
  const d = parsed.dim;
  const used = columnsUsed(parsed.expr);
  const unused = names.filter((_, j) => !used.has(d + j));
  if (unused.length > 0) throw new UserError(`--param ${unused[0]} is not used in the formula "${source}": use it there, or drop --param ${unused[0]}`);
  // Parameters alone are no landscape: every point would be a minimum (as for a constant formula).
  if (![...used].some((c) => c < d)) throw new UserError(`the formula "${source.length > 40 ? source.slice(0, 37) + '...' : source}" has no variable besides its parameters, so every point is a minimum: write it in x, y, z or x1..xd, e.g. a*x^2 + y^2`);
  if (opts.box === undefined) throw new UserError('a formula needs a box: add --box -5,5 (one range for every axis) or --box -5,5,-3,3');
  const box = parseBox(opts.box, d);
  const f = exprToTfjs(parsed.expr);
  const p = names.length;
  const wide: Objective = {
    name: 'expression',
    title: source,
    formula: source,
    expression: () => source,
    dim: d + p,
    defaultDim: d + p,
    box: () => [...box.map(([lo, hi]): [number, number] => [lo, hi]), ...axes.map(paramRange)],
    f,
    known: () => [],
    source: 'typed on the command line',
    params: names,
  };
  return {
    wide,
    d,
    variables: parsed.variables,
    box,
    at: (values) => (x: Tensor2D) => tf.tidy(() => f(tf.concat([x, tf.fill([x.shape[0], p], 0).add(tf.tensor1d([...values]))], 1) as Tensor2D)),
  };
}

/**
 * The box side of a parameter column: its values' range, so the divergence test (a start farther
 * than divergeRadius half-widths from the box centre) never fires on a parameter; a single value
 * gets a side of width 2 around it, since a zero-width side would make float32 rounding of the
 * value an escape.
 */
export function paramRange(a: ParamAxis): [number, number] {
  const lo = Math.min(...a.values);
  const hi = Math.max(...a.values);
  return lo < hi ? [lo, hi] : [lo - 1, hi + 1];
}

/** The columns an expression reads (nodes may be shared: each is visited once). */
function columnsUsed(root: Expr): Set<number> {
  const seen = new Set<Expr>();
  const cols = new Set<number>();
  const stack = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (seen.has(e)) continue;
    seen.add(e);
    if (e.op === 'var') cols.add(e.index);
    else if ('arg' in e) stack.push(e.arg);
    else if ('left' in e) stack.push(e.left, e.right);
  }
  return cols;
}
