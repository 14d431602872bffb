import { UserError } from '../../../core/errors.ts';
import { tokenize, type Token } from './tokens.ts';

/**
 * How deep a formula may nest. mathjs's parser is recursive descent, about twenty frames per
 * bracket: measured on Node 20's default stack it overflows at 261 nested parentheses, 295 nested
 * calls sin(sin(...)), 3808 chained powers x^x^x and 7226 signs ---x (97, 115 and 2831 with a
 * 400 KB stack, as deep inside a caller). 100 stays well below all of them wherever parse is
 * called from, and far above any formula a person writes.
 */
export const MAX_NESTING = 100;

/**
 * How many tokens a formula may have (about 25000 terms such as x^2 +). mathjs reads 20000 terms
 * in under a second; the tfjs graph of a formula costs one kernel per operation per step, so far
 * longer ones would only run for hours.
 */
export const MAX_TOKENS = 100_000;

/**
 * The highest axis a formula may name (x100000). Beyond it a typo such as x1000000000 would ask for
 * a box, starts and gradients of a billion coordinates and run out of memory.
 */
export const MAX_AXES = 100_000;

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
/** Tokens after which a + or - is a sign (unary), not an addition. */
const POSTFIX = new Set(['!', "'"]);

/**
 * Refuses, before mathjs parses it, a formula too long or nested too deep for the parser's stack.
 * Depth counts what mathjs recurses on: each open bracket, and within a bracket each chained power
 * or sign (x^-y^z counts 3) until a lower-precedence operator (+, *, comma...) ends the chain.
 */
export function checkFormulaLimits(source: string): void {
  const tokens = tokenize(source);
  if (tokens.length > MAX_TOKENS) {
    throw new UserError(`the formula has ${tokens.length} tokens (numbers, names, operators); at most ${MAX_TOKENS} are read: shorten it, or write the objective as a module (--objective)`);
  }
  const over = deepest(tokens);
  if (over) {
    throw new UserError(`the formula nests more than ${MAX_NESTING} levels deep at column ${over.index + 1} (each open bracket, chained ^ or sign counts one): remove redundant parentheses or split it into a module (--objective)`);
  }
}

/** The first token at which the nesting depth exceeds MAX_NESTING, if any. */
function deepest(tokens: Token[]): Token | undefined {
  // chains[k]: powers and signs chained at bracket level k; depth = open brackets + their sum.
  const chains = [0];
  let chained = 0;
  let afterOperand = false;
  for (const t of tokens) {
    const top = chains.length - 1;
    if (t.kind !== 'punctuation') {
      if (t.kind === 'name' && t.text === 'not') {
        chains[top]++;
        chained++;
        afterOperand = false;
      } else {
        afterOperand = true;
      }
    } else if (OPEN.has(t.text)) {
      chains.push(0);
      afterOperand = false;
    } else if (CLOSE.has(t.text)) {
      if (chains.length > 1) chained -= chains.pop()!;
      afterOperand = true;
    } else if (POSTFIX.has(t.text)) {
      afterOperand = true;
    } else if (t.text === '^' || t.text === '~' || ((t.text === '+' || t.text === '-') && !afterOperand)) {
      chains[top]++;
      chained++;
      afterOperand = false;
    } else {
      // Any other operator or separator ends the chain at this level: mathjs loops over it.
      chained -= chains[top];
      chains[top] = 0;
      afterOperand = false;
    }
    if (chains.length - 1 + chained > MAX_NESTING) return t;
  }
  return undefined;
}
