import {
  parse,
  Unit,
  isConstantNode,
  isFunctionNode,
  isOperatorNode,
  isParenthesisNode,
  isSymbolNode,
  type MathNode,
} from 'mathjs';
import { UserError } from '../../../core/errors.ts';
import type { BinaryOp, Expr, ParsedExpression } from '../../../core/expression.ts';
import { CONSTANTS, FUNCTIONS, power } from './functions.ts';
import { OPERATOR_FEATURES, PIECEWISE_FIX, REFUSED_NODES, quote, syntaxError } from './refusals.ts';
import { checkFormulaLimits, MAX_AXES } from './limits.ts';
import { Locator } from './tokens.ts';

export { CONSTANTS, FUNCTIONS, power, type FunctionSpec } from './functions.ts';

/**
 * Formulas typed on the command line, read with mathjs's own parser (so precedence, implicit
 * multiplication `2x` and numbers like `1e-3` behave as mathjs documents them) and then narrowed
 * to the IR: one real number per point, nothing else of mathjs.
 *
 * Variables are x, y, z (columns 0, 1, 2) or x1..xd (x1 is column 0), never both in one formula.
 */

/** mathjs operator functions a formula may use; the element-wise .* ./ .^ mean the same on numbers. */
const BINARY_OPERATORS: Readonly<Record<string, BinaryOp>> = {
  add: 'add',
  subtract: 'sub',
  multiply: 'mul',
  dotMultiply: 'mul',
  divide: 'div',
  dotDivide: 'div',
  pow: 'pow',
  dotPow: 'pow',
};

const EXAMPLE = '(x^2+y-11)^2+(x+y^2-7)^2';
const VARIABLES_FIX = 'use x, y, z or x1..xd';

/**
 * Parses a formula into the IR. dim is the highest variable used, or opts.dim when given (a
 * formula may ignore some axes; naming an axis beyond opts.dim is an error). A formula with no
 * variable at all is 1-D unless opts.dim says otherwise. Every refusal is a one-line UserError
 * with the 1-based column and a fix.
 */
export function parseExpression(source: string, opts: { dim?: number; params?: readonly string[] } = {}): ParsedExpression {
  const { dim } = opts;
  const params = opts.params ?? [];
  checkParamNames(params);
  if (dim !== undefined && !(Number.isInteger(dim) && dim >= 1)) {
    throw new UserError(`the dimension must be a whole number ≥ 1, got ${dim}`);
  }
  if (source.trim() === '') throw new UserError(`empty formula: type one, e.g. "${EXAMPLE}"`);
  checkFormulaLimits(source);
  let root: MathNode;
  try {
    root = parse(source);
  } catch (e) {
    if (e instanceof SyntaxError) throw syntaxError(e);
    throw e;
  }
  // A formula that is only a # comment parses to "nothing".
  if (isConstantNode(root) && root.value === undefined) throw new UserError(`empty formula: type one, e.g. "${EXAMPLE}"`);
  const reader = new FormulaReader(source, dim, params);
  const expr = reader.read(root);
  reader.placeParams();
  return { source, expr, dim: reader.dim(), variables: reader.variables() };
}

/**
 * Parameter names may not shadow a variable, a constant or a function. Each parameter becomes
 * column dim + j of the objective's input (see src/params/objective.ts): a frozen column.
 */
function checkParamNames(params: readonly string[]): void {
  for (const name of params) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UserError(`parameter name "${name}" is not a name: use letters, digits and _, e.g. a or k2`);
    const taken = variableOf(name) ? 'a variable' : Object.hasOwn(CONSTANTS, name) ? 'a constant' : Object.hasOwn(FUNCTIONS, name) ? 'a function' : undefined;
    if (taken) throw new UserError(`parameter name "${name}" is ${taken}: choose another name, e.g. a or k`);
  }
  if (new Set(params).size !== params.length) throw new UserError(`a parameter is named twice: give each --param once`);
}

type Style = 'xyz' | 'indexed';

/** A node whose operands are still to be read, and how its IR is built from theirs. */
interface Pending {
  operands: MathNode[];
  build: (operands: Expr[]) => Expr;
}

function variableOf(name: string): { style: Style; index: number } | undefined {
  const xyz = ['x', 'y', 'z'].indexOf(name);
  if (xyz >= 0) return { style: 'xyz', index: xyz };
  const m = /^x([1-9]\d*)$/.exec(name);
  return m ? { style: 'indexed', index: Number(m[1]) - 1 } : undefined;
}

/** Walks the mathjs tree in source order, building IR and checking names as it goes. */
class FormulaReader {
  private readonly at: Locator;
  private first?: { style: Style; name: string; column: number };
  private highest = -1;
  /** One shared var node per parameter, its column set once the dimension is known. */
  private readonly paramNodes = new Map<string, { op: 'var'; index: number }>();

  constructor(source: string, private readonly fixedDim: number | undefined, private readonly params: readonly string[] = []) {
    this.at = new Locator(source);
    // mathjs reads "50%" as 50/100, which leaves no trace in the tree: refuse "%" by its token.
    const percent = this.at.punctuation('%');
    if (percent !== undefined) {
      throw new UserError(`"%" at column ${percent} is not supported (mathjs reads it as percent or modulo): write /100, or floor for a remainder`);
    }
  }

  dim(): number {
    return this.fixedDim ?? Math.max(1, this.highest + 1);
  }

  variables(): string[] {
    const d = this.dim();
    const style = this.first?.style ?? (d <= 3 ? 'xyz' : 'indexed');
    return Array.from({ length: d }, (_, i) => (style === 'xyz' ? 'xyz'[i] : `x${i + 1}`));
  }

  /** Parameter j is column dim + j: after the free variables, whatever the formula's dimension. */
  placeParams(): void {
    for (const [name, node] of this.paramNodes) node.index = this.dim() + this.params.indexOf(name);
  }

  /**
   * The IR of a mathjs tree, read without recursion: a sum of 20000 terms is a tree 20000 deep.
   * Each node is entered (checked, in source order) before its operands are read, and built
   * from their IR after.
   */
  read(root: MathNode): Expr {
    const stack: Array<Pending & { built: Expr[] }> = [];
    let next: MathNode | undefined = root;
    let value: Expr | undefined;
    for (;;) {
      if (next !== undefined) {
        const entered = this.enter(next);
        next = undefined;
        if ('expr' in entered) value = entered.expr;
        else stack.push({ ...entered, built: [] });
      }
      const top = stack[stack.length - 1];
      if (value !== undefined) {
        if (!top) return value;
        top.built.push(value);
        value = undefined;
      }
      if (top.built.length < top.operands.length) next = top.operands[top.built.length];
      else value = stack.pop()!.build(top.built);
    }
  }

  private enter(node: MathNode): { expr: Expr } | Pending {
    if (isParenthesisNode(node)) return { operands: [node.content], build: ([e]) => e };
    if (isConstantNode(node)) return { expr: this.constant(node.value) };
    if (isSymbolNode(node)) return { expr: this.symbol(node.name, this.at.name(node.name)) };
    if (isOperatorNode(node)) return this.operator(node.op, node.fn, node.args);
    if (isFunctionNode(node)) return this.call(node.fn, node.args);
    const refused = REFUSED_NODES[node.type];
    const column = refused ? this.at.symbol(refused.tokens) : this.at.here();
    const what = refused?.what ?? `mathjs ${node.type}`;
    throw new UserError(`${what} at column ${column} is not supported: ${refused?.fix ?? `write a formula with + - * / ^ and functions such as sin(x)`}`);
  }

  private constant(value: unknown): Expr {
    if (typeof value === 'number') {
      // NaN and Infinity are typed as names; 1e400 is a number that overflowed.
      const column = Number.isFinite(value) ? this.at.number() : this.at.any(['Infinity', 'NaN']);
      if (!Number.isFinite(value)) throw new UserError(`the number at column ${column} is ${value}: a formula needs finite numbers`);
      return { op: 'const', value };
    }
    if (typeof value === 'string') {
      throw new UserError(`string at column ${this.at.symbol(['"', "'"])} is not supported: a formula takes numbers only`);
    }
    const word = String(value);
    throw new UserError(`"${word}" at column ${this.at.name(word)} is not supported: a formula takes numbers only`);
  }

  private symbol(name: string, column: number): Expr {
    if (Object.hasOwn(CONSTANTS, name)) return { op: 'const', value: CONSTANTS[name] };
    if (this.params.includes(name)) {
      if (!this.paramNodes.has(name)) this.paramNodes.set(name, { op: 'var', index: -1 });
      return this.paramNodes.get(name)!;
    }
    const v = variableOf(name);
    if (v) return this.variable(name, v.style, v.index, column);
    if (Object.hasOwn(FUNCTIONS, name)) {
      throw new UserError(`function "${name}" at column ${column} needs parentheses: write ${FUNCTIONS[name].usage}`);
    }
    throw new UserError(`unknown name "${quote(name)}" at column ${column}: ${nameHint(name)}`);
  }

  private variable(name: string, style: Style, index: number, column: number): Expr {
    if (this.first && this.first.style !== style) {
      const f = this.first;
      throw new UserError(`"${name}" at column ${column} mixes variable styles with "${f.name}" at column ${f.column}: write every variable as x1..xd, or use only x, y, z`);
    }
    if (index >= MAX_AXES) {
      throw new UserError(`"${quote(name)}" at column ${column} names axis ${index + 1}, beyond the ${MAX_AXES} a formula may use: check the variable's number`);
    }
    this.first ??= { style, name, column };
    const d = this.fixedDim;
    if (d !== undefined && style === 'xyz' && d > 3) {
      throw new UserError(`"${name}" at column ${column}: x, y, z name at most 3 axes but the dimension is ${d}: write the variables as x1..x${d}`);
    }
    if (d !== undefined && index >= d) {
      throw new UserError(`"${name}" at column ${column} is axis ${index + 1} but the dimension is ${d}: drop ${name} or use a dimension of ${index + 1} or more`);
    }
    this.highest = Math.max(this.highest, index);
    return { op: 'var', index };
  }

  private operator(op: string, fn: string, args: MathNode[]): Pending {
    if (fn === 'unaryMinus') return { operands: args, build: ([arg]) => ({ op: 'neg', arg }) };
    if (fn === 'unaryPlus') return { operands: args, build: ([arg]) => arg };
    const binary = BINARY_OPERATORS[fn];
    if (!binary) {
      const column = this.at.symbol([op]);
      const what = OPERATOR_FEATURES[fn] ?? fn;
      const fix = what === 'comparison' || what === 'logical operator' ? PIECEWISE_FIX : 'use + - * / ^ and functions such as abs, min, max';
      throw new UserError(`operator "${op}" (${what}) at column ${column} is not supported: ${fix}`);
    }
    return { operands: args, build: (operands) => operands.reduce((left, right) => (binary === 'pow' ? power(left, right) : { op: binary, left, right })) };
  }

  private call(fn: MathNode, args: MathNode[]): Pending {
    if (!isSymbolNode(fn)) {
      throw new UserError(`a call at column ${this.at.here()} is not of a named function: known functions are ${functionList()}`);
    }
    const name = fn.name;
    const column = this.at.name(name);
    const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
    if (!spec) throw new UserError(callHint(name, column));
    const [min, max] = spec.arity;
    if (args.length < min || args.length > max) {
      throw new UserError(`${name} takes ${arityText(min, max)}, got ${args.length} at column ${column}: write ${spec.usage}`);
    }
    return { operands: args, build: spec.build };
  }
}

function functionList(): string {
  return Object.keys(FUNCTIONS).join(', ');
}

function arityText(min: number, max: number): string {
  const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');
  if (min === max) return `${min} ${plural(min)}`;
  if (max === Infinity) return `at least ${min} ${plural(min)}`;
  return `${min} or ${max} arguments`;
}

/** The fix for a name that is neither a variable nor a constant. */
function nameHint(name: string): string {
  const lower = name.toLowerCase();
  if (lower !== name && (Object.hasOwn(CONSTANTS, lower) || variableOf(lower))) return `names are case-sensitive: write ${lower}`;
  if (name === 'x0') return `variables start at x1: ${VARIABLES_FIX}`;
  // Single letters are nearly all units too (m, s, g...), so only longer names get the unit hint.
  if (name.length > 1 && Unit.isValuelessUnit(name)) return `units are not supported: ${VARIABLES_FIX}`;
  return VARIABLES_FIX;
}

function callHint(name: string, column: number): string {
  if (variableOf(name) || Object.hasOwn(CONSTANTS, name)) {
    return `"${quote(name)}" at column ${column} is not a function: write ${quote(name)}*(...) for a product`;
  }
  const lower = name.toLowerCase();
  const suggestion = lower !== name && Object.hasOwn(FUNCTIONS, lower) ? `did you mean ${lower}? ` : '';
  return `unknown function "${quote(name)}" at column ${column}: ${suggestion}known functions are ${functionList()}`;
}
