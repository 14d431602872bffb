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
import type { BinaryOp, Expr, ParsedExpression, UnaryOp } from '../../../core/expression.ts';

/**
 * Formulas typed on the command line, read with mathjs's own parser (so precedence, implicit
 * multiplication `2x` and numbers like `1e-3` behave as mathjs documents them) and then narrowed
 * to the IR: one real number per point, nothing else of mathjs.
 *
 * Variables are x, y, z (columns 0, 1, 2) or x1..xd (x1 is column 0), never both in one formula.
 */

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
function constantValue(e: Expr): number | undefined {
  if (e.op === 'const') return e.value;
  if (e.op === 'neg' || e.op === 'square') {
    const a = constantValue(e.arg);
    if (a === undefined) return undefined;
    return e.op === 'neg' ? -a : a * a;
  }
  if (e.op === 'add' || e.op === 'sub' || e.op === 'mul' || e.op === 'div') {
    const [a, b] = [constantValue(e.left), constantValue(e.right)];
    if (a === undefined || b === undefined) return undefined;
    return e.op === 'add' ? a + b : e.op === 'sub' ? a - b : e.op === 'mul' ? a * b : a / b;
  }
  return undefined;
}

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

/** What each refused mathjs operator is, so the error can name it. */
const OPERATOR_FEATURES: Readonly<Record<string, string>> = {
  mod: 'modulo',
  factorial: 'factorial',
  ctranspose: 'transpose',
  transpose: 'transpose',
  equal: 'comparison',
  unequal: 'comparison',
  smaller: 'comparison',
  larger: 'comparison',
  smallerEq: 'comparison',
  largerEq: 'comparison',
  and: 'logical operator',
  or: 'logical operator',
  xor: 'logical operator',
  not: 'logical operator',
  bitAnd: 'bitwise operator',
  bitOr: 'bitwise operator',
  bitXor: 'bitwise operator',
  bitNot: 'bitwise operator',
  leftShift: 'bitwise operator',
  rightArithShift: 'bitwise operator',
  rightLogShift: 'bitwise operator',
  to: 'unit conversion',
  nullish: 'nullish operator',
};

const PIECEWISE_FIX = 'write piecewise formulas with min, max, abs or sign';

/** mathjs node kinds that have no meaning as a formula of one number per point. */
const REFUSED_NODES: Readonly<Record<string, { what: string; tokens: string[]; fix: string }>> = {
  AssignmentNode: { what: 'assignment "="', tokens: ['='], fix: 'type only the formula, e.g. x^2 + y^2' },
  FunctionAssignmentNode: { what: 'function definition "="', tokens: ['='], fix: 'type only the formula, e.g. x^2 + y^2' },
  ArrayNode: { what: 'matrix "["', tokens: ['['], fix: 'a formula gives one number per point; write each term out' },
  AccessorNode: { what: 'indexing or property access', tokens: ['[', '.'], fix: 'name coordinates x1..xd rather than x[1]' },
  IndexNode: { what: 'indexing', tokens: ['['], fix: 'name coordinates x1..xd rather than x[1]' },
  ObjectNode: { what: 'object "{"', tokens: ['{'], fix: 'a formula gives one number per point' },
  RangeNode: { what: 'range ":"', tokens: [':'], fix: 'give the search range with --box instead' },
  RelationalNode: { what: 'comparison', tokens: ['==', '!=', '<', '>'], fix: PIECEWISE_FIX },
  ConditionalNode: { what: 'conditional "? :"', tokens: ['?'], fix: PIECEWISE_FIX },
  BlockNode: { what: 'second formula after ";" or a line break', tokens: [';', '\n'], fix: 'type one formula on one line' },
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

  read(node: MathNode): Expr {
    if (isParenthesisNode(node)) return this.read(node.content);
    if (isConstantNode(node)) return this.constant(node.value);
    if (isSymbolNode(node)) return this.symbol(node.name, this.at.name(node.name));
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
    throw new UserError(`unknown name "${name}" at column ${column}: ${nameHint(name)}`);
  }

  private variable(name: string, style: Style, index: number, column: number): Expr {
    if (this.first && this.first.style !== style) {
      const f = this.first;
      throw new UserError(`"${name}" at column ${column} mixes variable styles with "${f.name}" at column ${f.column}: write every variable as x1..xd, or use only x, y, z`);
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

  private operator(op: string, fn: string, args: MathNode[]): Expr {
    if (fn === 'unaryMinus') return { op: 'neg', arg: this.read(args[0]) };
    if (fn === 'unaryPlus') return this.read(args[0]);
    const binary = BINARY_OPERATORS[fn];
    if (!binary) {
      const column = this.at.symbol([op]);
      const what = OPERATOR_FEATURES[fn] ?? fn;
      const fix = what === 'comparison' || what === 'logical operator' ? PIECEWISE_FIX : 'use + - * / ^ and functions such as abs, min, max';
      throw new UserError(`operator "${op}" (${what}) at column ${column} is not supported: ${fix}`);
    }
    const operands = args.map((a) => this.read(a));
    return operands.reduce((left, right) => (binary === 'pow' ? power(left, right) : { op: binary, left, right }));
  }

  private call(fn: MathNode, args: MathNode[]): Expr {
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
    return spec.build(args.map((a) => this.read(a)));
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
    return `"${name}" at column ${column} is not a function: write ${name}*(...) for a product`;
  }
  const lower = name.toLowerCase();
  const suggestion = lower !== name && Object.hasOwn(FUNCTIONS, lower) ? `did you mean ${lower}? ` : '';
  return `unknown function "${name}" at column ${column}: ${suggestion}known functions are ${functionList()}`;
}

/** mathjs syntax errors carry a 1-based column as `char`; their wording is rephrased with a fix. */
function syntaxError(e: SyntaxError): UserError {
  const char = (e as SyntaxError & { char?: unknown }).char;
  const column = typeof char === 'number' ? char : 1;
  const message = e.message.replace(/\s*\(char \d+\)\s*$/, '');
  return new UserError(`syntax error at column ${column}: ${syntaxAdvice(message)}`);
}

function syntaxAdvice(message: string): string {
  let m: RegExpExecArray | null;
  if (message.startsWith('Unexpected end of expression')) return 'the formula ends too early: complete the last term or close the parenthesis';
  if (message.startsWith('Parenthesis ) expected')) return '")" expected: add the missing closing parenthesis';
  if (message.startsWith('Value expected')) return 'a value is missing: put a number, a variable or (...) there';
  if ((m = /^Unexpected operator (.+)$/.exec(message))) {
    return m[1] === ')' ? 'unexpected ")": remove it or add the matching "("' : `unexpected "${m[1]}": remove it or put a value before it`;
  }
  if ((m = /^Unexpected part "(.*)"$/.exec(message))) return `unexpected "${m[1]}": put an operator such as * before it`;
  if ((m = /^Syntax error in part "(.*)"$/.exec(message))) return `cannot read "${m[1]}": use + - * / ^, parentheses and functions such as sin(x)`;
  if (message.startsWith('Invalid left hand side of assignment')) return 'assignment "=" is not supported: type only the formula, e.g. x^2 + y^2';
  return `${message}: check the formula there`;
}

interface Token {
  kind: 'number' | 'name' | 'punctuation';
  text: string;
  /** 0-based offset in the source. */
  index: number;
}

const NUMBER = /0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[\p{L}_$][\p{L}\p{N}_$]*/uy;

/**
 * mathjs nodes carry no positions, so columns come from a second, tiny scan of the source into
 * numbers, names and single punctuation characters (skipping blanks and # comments; the e in 1e-3
 * stays inside its number). The reader visits nodes in source order — infix operands left to
 * right, a function's name before its arguments — so each name or number it meets is the first
 * matching token after the previous one it met. A refused construct is reported at its first
 * matching token after that point. When nothing matches (not expected), the column is the next
 * unread token.
 */
class Locator {
  private readonly tokens: Token[];
  private next = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  name(text: string): number {
    return this.find((t) => t.kind === 'name' && t.text === text);
  }

  number(): number {
    return this.find((t) => t.kind === 'number');
  }

  any(names: string[]): number {
    return this.find((t) => t.kind !== 'punctuation' && (t.kind === 'number' || names.includes(t.text)));
  }

  /** An operator or bracket, by its spelling: words (mod, and) are names, the rest punctuation. */
  symbol(spellings: string[]): number {
    return this.find((t) =>
      spellings.some((s) => (/^\w/.test(s) ? t.kind === 'name' && t.text === s : t.kind === 'punctuation' && this.source.startsWith(s, t.index))),
    );
  }

  /** Column of a punctuation character anywhere in the source, without moving. */
  punctuation(char: string): number | undefined {
    const t = this.tokens.find((t) => t.kind === 'punctuation' && t.text === char);
    return t && t.index + 1;
  }

  here(): number {
    return this.next < this.tokens.length ? this.tokens[this.next].index + 1 : this.source.length + 1;
  }

  private find(match: (t: Token) => boolean): number {
    for (let k = this.next; k < this.tokens.length; k++) {
      if (match(this.tokens[k])) {
        this.next = k + 1;
        return this.tokens[k].index + 1;
      }
    }
    return this.here();
  }
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  scan: while (i < source.length) {
    const c = source[i];
    if (c === '#') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
      continue;
    }
    // A line break separates formulas in mathjs, so it is a token (BlockNode points at it).
    if (c !== '\n' && /\s/.test(c)) {
      i++;
      continue;
    }
    for (const [kind, re] of [['number', NUMBER], ['name', NAME]] as const) {
      re.lastIndex = i;
      const m = re.exec(source);
      if (m) {
        tokens.push({ kind, text: m[0], index: i });
        i += m[0].length;
        continue scan;
      }
    }
    tokens.push({ kind: 'punctuation', text: c, index: i });
    i++;
  }
  return tokens;
}
