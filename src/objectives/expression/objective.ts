import { UserError } from '../../../core/errors.ts';
import { highestColumn } from '../../../core/expression.ts';
import { parseBox } from '../box.ts';
import type { Box, Objective } from '../types.ts';
import { parseExpression } from './parse.ts';
import { exprToTfjs } from './to-tfjs.ts';

const NEEDS_BOX = 'a formula needs a box: add --box -5,5 (one range for every axis) or --box -5,5,-3,3';

/**
 * An objective from a typed formula. Its dimension is fixed: the highest variable used, or
 * opts.dim. The box may come as a Box or as the --box text. A formula has no usual box, so a
 * missing one is reported when the box is asked for: resolve.ts builds the objective first and
 * reads --box itself once the dimension is known.
 */
export function objectiveFromExpression(source: string, opts: { box?: Box | string; dim?: number }): Objective {
  const parsed = parseExpression(source, { dim: opts.dim });
  // A constant has no minima, basins or gradient to follow: refuse it before any descent runs.
  if (highestColumn(parsed.expr) < 0) {
    throw new UserError(`the formula "${clip(source)}" has no variable, so every point is a minimum: write it in x, y, z or x1..xd, e.g. x^2 + y^2`);
  }
  const d = parsed.dim;
  const box = typeof opts.box === 'string' ? parseBox(opts.box, d) : opts.box;
  if (box && box.length !== d) {
    throw new UserError(`the box has ${box.length} ranges but the formula has ${d} axes: give one range for every axis`);
  }
  return {
    name: 'expression',
    title: source,
    formula: source,
    expression: () => source,
    dim: d,
    defaultDim: d,
    box: () => {
      if (!box) throw new UserError(NEEDS_BOX);
      return box.map(([lo, hi]) => [lo, hi]);
    },
    f: exprToTfjs(parsed.expr),
    known: () => [],
    source: 'typed on the command line',
    variables: parsed.variables,
  };
}

/** The formula as quoted in a one-line message: long ones are cut, so the line stays short. */
function clip(source: string): string {
  const one = source.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}
