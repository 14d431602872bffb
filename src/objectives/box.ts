import { UserError } from '../../core/errors.ts';
import type { Box } from './types.ts';

const RANGES_FIX = 'write ranges like -5,5 or -5,5,-3,3';

/**
 * Reads a search box as typed after --box: "-5,5" is the same range on every axis, "-5,5,-3,3"
 * gives min,max for each axis in turn, and "[-5,5]x[-3,3]" is the same with brackets. A bound may
 * be a multiple of pi ("-pi,pi", "0,2pi") because periodic formulas have periodic boxes.
 */
export function parseBox(text: string, dim: number): Box {
  if (!(Number.isInteger(dim) && dim >= 1)) throw new Error(`parseBox needs a dimension ≥ 1, got ${dim}`);
  const quoted = `--box "${text}"`;
  const bracketed = text.includes('[');
  const parts = bracketed ? bracketParts(text, quoted) : text.trim() === '' ? [] : text.split(',');
  const ranges = parts.length / 2;
  if (ranges !== 1 && ranges !== dim) {
    const axes = dim === 1 ? 'is 1 axis' : `are ${dim} axes`;
    if (bracketed) throw new UserError(`${quoted} has ${ranges} ranges but there ${axes}: give one range for every axis, or ${dim}`);
    const perAxis = dim === 1 ? '' : ` or ${2 * dim} (min,max for each axis)`;
    throw new UserError(`${quoted} has ${parts.length} numbers but there ${axes}: give 2 (one range for every axis)${perAxis}`);
  }
  const bounds = parts.map((p, i) => readBound(p, i + 1, quoted));
  const box: Box = Array.from({ length: dim }, (_, i) => {
    const k = ranges === 1 ? 0 : 2 * i;
    return [bounds[k], bounds[k + 1]];
  });
  box.forEach(([lo, hi], i) => {
    if (!(lo < hi)) {
      const where = ranges === 1 ? 'the range' : `axis ${i + 1}`;
      throw new UserError(`${quoted}: ${where} has min ${lo} ≥ max ${hi}: write each range as min,max with min < max`);
    }
  });
  return box;
}

/** "[-5,5]x[-3,3]" as the list "-5", "5", "-3", "3". */
function bracketParts(text: string, quoted: string): string[] {
  const range = /\[([^[\]]*)\]/g;
  // Between brackets only a product sign (x, ×, *) and blanks may appear.
  if (text.replace(range, '').replace(/[x×*\s]/g, '') !== '') {
    throw new UserError(`${quoted} cannot be read: write [-5,5]x[-3,3], or ${RANGES_FIX}`);
  }
  return [...text.matchAll(range)].flatMap((m, r) => {
    const parts = m[1].split(',');
    if (parts.length !== 2) throw new UserError(`${quoted}: range ${r + 1} has ${parts.length} numbers: write each range as [min,max]`);
    return parts;
  });
}

const PI_MULTIPLE = /^([+-]?)((?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)?\s*\*?\s*pi$/i;

function readBound(part: string, position: number, quoted: string): number {
  const t = part.trim();
  if (t === '') throw new UserError(`${quoted}: number ${position} is missing: ${RANGES_FIX}`);
  const pi = PI_MULTIPLE.exec(t);
  const value = pi ? (pi[1] === '-' ? -1 : 1) * (pi[2] === undefined ? 1 : Number(pi[2])) * Math.PI : Number(t);
  if (Number.isNaN(value)) throw new UserError(`${quoted}: "${t}" (number ${position}) is not a number: ${RANGES_FIX}`);
  if (!Number.isFinite(value)) throw new UserError(`${quoted}: "${t}" (number ${position}) is infinite: give finite bounds, ${RANGES_FIX}`);
  return value;
}
