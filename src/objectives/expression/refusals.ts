import { UserError } from '../../../core/errors.ts';

/** What mathjs accepts but a formula refuses, and how each refusal is worded with its fix. */

/** What each refused mathjs operator is, so the error can name it. */
export const OPERATOR_FEATURES: Readonly<Record<string, string>> = {
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

export const PIECEWISE_FIX = 'write piecewise formulas with min, max, abs or sign';

/** mathjs node kinds that have no meaning as a formula of one number per point. */
export const REFUSED_NODES: Readonly<Record<string, { what: string; tokens: string[]; fix: string }>> = {
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

/** mathjs syntax errors carry a 1-based column as `char`; their wording is rephrased with a fix. */
/**
 * Source text as quoted in a one-line message: control and direction characters (a line break,
 * NUL, U+202E) shown as \u escapes, and long text cut, so the line stays one line under 300.
 */
export function quote(text: string, max = 30): string {
  const shown = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > max ? `${shown.slice(0, max - 3)}...` : shown;
}

export function syntaxError(e: SyntaxError): UserError {
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
    return m[1] === ')' ? 'unexpected ")": remove it or add the matching "("' : `unexpected "${quote(m[1])}": remove it or put a value before it`;
  }
  if ((m = /^Unexpected part "(.*)"$/.exec(message))) return `unexpected "${quote(m[1])}": put an operator such as * before it`;
  if ((m = /^Syntax error in part "(.*)"$/.exec(message))) return `cannot read "${quote(m[1])}": use + - * / ^, parentheses and functions such as sin(x)`;
  if (message.startsWith('Invalid left hand side of assignment')) return 'assignment "=" is not supported: type only the formula, e.g. x^2 + y^2';
  return `${quote(message, 120)}: check the formula there`;
}
