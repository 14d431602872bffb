import { UserError } from '../../core/errors.ts';
import { parseBox } from './box.ts';
import { objectiveFromExpression } from './expression/objective.ts';
import { quote } from './expression/refusals.ts';
import { LIBRARY, findLibraryFunction } from './library/index.ts';
import type { Box, Objective } from './types.ts';

export interface NamedObjectiveRequest {
  /** A library name (`himmelblau`) or a formula (`(x^2+y-11)^2+(x+y^2-7)^2`). */
  fn?: string;
  dim?: number;
  /** Box text as typed: "-5,5" or "-5,5,-3,3". */
  box?: string;
}

export interface ResolvedObjective {
  objective: Objective;
  d: number;
  box: Box;
}

/**
 * A library function or a typed formula, its dimension and its box, or a one-line UserError.
 * Browser-safe: the CLI (through resolve.ts, which adds user modules) and the explore page both
 * call it, so the page reports a bad formula or box in the CLI's own words.
 */
export function resolveNamedObjective(req: NamedObjectiveRequest): ResolvedObjective {
  if (req.dim !== undefined && !(Number.isInteger(req.dim) && req.dim >= 1)) {
    throw new UserError(`--dim must be a whole number ≥ 1, got ${req.dim}`);
  }
  const fn = req.fn?.trim();
  if (!fn) throw new UserError('name a function (see `basinmap functions`), type a formula, or pass --objective ./my-fn.ts');
  let objective: Objective;
  const lib = findLibraryFunction(fn);
  if (lib) objective = lib;
  else if (/^[A-Za-z][\w-]*$/.test(fn) && !/^(x|y|z|x\d+)$/.test(fn)) {
    const hint = closest(fn, LIBRARY.map((o) => o.name));
    throw new UserError(`unknown function "${quote(fn)}"${hint ? `: did you mean ${hint}?` : ''} (\`basinmap functions\` lists them; a formula needs operators, e.g. "x^2+y^2")`);
  } else {
    if (req.box === undefined) {
      throw new UserError('a formula needs a box: add --box -5,5 (one range for every axis) or --box -5,5,-3,3 (one per axis)');
    }
    objective = objectiveFromExpression(fn, { dim: req.dim, box: undefined });
  }
  return withDimensionAndBox(objective, req);
}

/** The dimension (fixed, or --dim for any-d functions) and the box (--box, else the usual one). */
export function withDimensionAndBox(objective: Objective, req: Pick<NamedObjectiveRequest, 'dim' | 'box'>): ResolvedObjective {
  const d = dimensionOf(objective, req.dim);
  const box = req.box !== undefined ? parseBox(req.box, d) : objective.box(d);
  return { objective, d, box };
}

function dimensionOf(o: Objective, dim: number | undefined): number {
  if (o.dim === 'any') return dim ?? o.defaultDim;
  if (dim !== undefined && dim !== o.dim) {
    throw new UserError(`${o.title} is ${o.dim}-dimensional but --dim ${dim} was given: drop --dim or use a function defined for any d`);
  }
  return o.dim;
}

/** The known name nearest in edit distance, when near enough to be a typo. */
function closest(word: string, names: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const dist = editDistance(word.toLowerCase(), n);
    if (dist < bestD) [best, bestD] = [n, dist];
  }
  return bestD <= Math.max(2, word.length / 3) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
