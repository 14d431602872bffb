import { UserError } from '../../core/errors.ts';
import type { ParsedMatrix } from './matrix.ts';

const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/**
 * One start per line; fields split on commas, else semicolons, else whitespace (as the first data
 * line shows). Blank lines and lines starting with '#' are skipped. A first line in which no field
 * reads as a number is a header and is skipped; any other unreadable field is an error.
 */
export function parseCsv(text: string | Iterable<string>, file: string): ParsedMatrix {
  const values: number[] = [];
  const lineOf: number[] = [];
  let split: ((line: string) => string[]) | undefined;
  let cols = -1;
  let firstLine = 0;
  let li = 0;
  for (const raw of linesOf(typeof text === 'string' ? [text] : text)) {
    li++;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    split ??= splitterFor(line);
    const fields = split(line);
    if (lineOf.length === 0 && cols === -1 && fields.every((f) => !looksNumeric(f))) {
      cols = -2; // header seen; the next line sets the width
      continue;
    }
    if (cols < 0) {
      cols = fields.length;
      firstLine = li;
    } else if (fields.length !== cols) {
      throw new UserError(
        `${file} line ${li} has ${fields.length} values but line ${firstLine} has ${cols}; give every start the same number of columns`,
      );
    }
    fields.forEach((f, c) => values.push(parseField(f, file, li, c + 1)));
    lineOf.push(li);
  }
  return { rows: lineOf.length, cols: Math.max(cols, 0), data: values, where: (r) => `line ${lineOf[r]}` };
}

/**
 * The lines of text that arrives in chunks (a file bigger than the longest string V8 makes, about
 * 512 MiB, is decoded piece by piece); a line may span chunks.
 */
export function* linesOf(chunks: Iterable<string>): Generator<string> {
  let carry = '';
  for (const chunk of chunks) {
    const lines = (carry + chunk).split(/\r?\n/);
    carry = lines.pop()!;
    yield* lines;
  }
  yield carry;
}

function splitterFor(line: string): (line: string) => string[] {
  if (line.includes(',')) return (l) => l.split(',').map((f) => f.trim());
  if (line.includes(';')) return (l) => l.split(';').map((f) => f.trim());
  return (l) => l.split(/\s+/);
}

function looksNumeric(field: string): boolean {
  return NON_FINITE.test(field) || (field !== '' && !Number.isNaN(Number(field)));
}

function parseField(field: string, file: string, line: number, col: number): number {
  if (NON_FINITE.test(field)) {
    const sign = field.startsWith('-') ? -1 : 1;
    return /nan/i.test(field) ? NaN : sign * Infinity;
  }
  const x = field === '' ? NaN : Number(field);
  if (Number.isNaN(x)) {
    throw new UserError(`${file} line ${line} column ${col} is '${field}', not a number; starts must be plain numbers`);
  }
  return x;
}
