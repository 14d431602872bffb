import { UserError } from '../../core/errors.ts';
import type { ParsedMatrix } from './matrix.ts';

const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/**
 * One start per line; fields split on commas, else semicolons, else whitespace (as the first data
 * line shows). Blank lines and lines starting with '#' are skipped. A first line in which no field
 * reads as a number is a header and is skipped; any other unreadable field is an error.
 */
export function parseCsv(text: string, file: string): ParsedMatrix {
  const lines = text.split(/\r?\n/);
  const values: number[] = [];
  const lineOf: number[] = [];
  let split: ((line: string) => string[]) | undefined;
  let cols = -1;
  let firstLine = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li].trim();
    if (line === '' || line.startsWith('#')) continue;
    split ??= splitterFor(line);
    const fields = split(line);
    if (lineOf.length === 0 && cols === -1 && fields.every((f) => !looksNumeric(f))) {
      cols = -2; // header seen; the next line sets the width
      continue;
    }
    if (cols < 0) {
      cols = fields.length;
      firstLine = li + 1;
    } else if (fields.length !== cols) {
      throw new UserError(
        `${file} line ${li + 1} has ${fields.length} values but line ${firstLine} has ${cols}; give every start the same number of columns`,
      );
    }
    fields.forEach((f, c) => values.push(parseField(f, file, li + 1, c + 1)));
    lineOf.push(li + 1);
  }
  return { rows: lineOf.length, cols: Math.max(cols, 0), data: values, where: (r) => `line ${lineOf[r]}` };
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
