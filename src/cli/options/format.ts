import type { Argv } from 'yargs';
import { UserError } from '../../../core/errors.ts';
import { START_FORMATS, type StartFormat } from '../../io/start-files.ts';

export interface FormatArgs {
  format: string;
}

export function formatOption<T>(y: Argv<T>): Argv<T & FormatArgs> {
  return y.option('format', {
    type: 'string',
    default: 'csv',
    describe: `per-start files --out gets: ${START_FORMATS.join(', ')} or both ("csv,parquet")`,
  }) as unknown as Argv<T & FormatArgs>;
}

/** "csv,parquet" → ['csv', 'parquet']; an unknown or empty list is the user's error. */
export function startFormats(text: string): StartFormat[] {
  const names = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((s) => !(START_FORMATS as readonly string[]).includes(s));
  if (unknown.length > 0 || names.length === 0) {
    throw new UserError(`--format "${text}": choose ${START_FORMATS.join(', ')} or both, comma-separated (csv,parquet)`);
  }
  return [...new Set(names)] as StartFormat[];
}
