import { UserError } from '../../core/errors.ts';
import { STATUS, STATUS_BY_CODE, type StatusName } from '../../core/status.ts';

/** The columns of a run's own per-start table that --where can test. */
export interface RunRow {
  status: string;
  basin: number;
}

/** A parsed --where: which rows of a run's starts table to run again. */
export interface RowFilter {
  test(row: RunRow): boolean;
  /** The filter as the user wrote it, normalised: "status!=converged". */
  text: string;
}

// Groups of statuses, by what the status table says they are.
const GROUPS: Record<string, readonly StatusName[]> = {
  converged: STATUS_BY_CODE.filter((s) => STATUS[s].converged),
  diverged: STATUS_BY_CODE.filter((s) => STATUS[s].diverged),
};
const STATUS_WORDS = [...STATUS_BY_CODE, ...Object.keys(GROUPS)];
const USAGE = 'write conditions like status!=converged, status=maxiter|diverged or basin=2, joined by commas';

/**
 * --where for rerunning part of a finished map: conditions joined by commas (all must hold), each
 * `status` or `basin`, `=` or `!=`, and one or more values separated by `|` (any may match).
 * Status values are status names (gtol, xtol, maxiter, nonfinite, escaped, interrupted) or the
 * groups converged and diverged; basin values are basin numbers as the starts file writes them
 * (−1: reached none). Throws a one-line UserError naming what is wrong.
 */
export function parseWhere(text: string): RowFilter {
  const conditions = text.split(',').map((c) => c.trim());
  if (conditions.some((c) => c === '')) throw new UserError(`--where "${text}" has an empty condition: ${USAGE}`);
  const tests = conditions.map((c) => condition(c, text));
  return { text: conditions.join(','), test: (row) => tests.every((t) => t(row)) };
}

function condition(c: string, all: string): (row: RunRow) => boolean {
  const m = /^([a-z_]+)\s*(!=|=)\s*(.+)$/i.exec(c);
  if (!m) throw new UserError(`--where "${all}": cannot read "${c}": ${USAGE}`);
  const [, column, op, list] = m;
  const values = list.split('|').map((v) => v.trim());
  const negate = op === '!=';
  if (column === 'status') {
    const bad = values.find((v) => !STATUS_WORDS.includes(v));
    if (bad !== undefined) throw new UserError(`--where "${all}": "${bad}" is not a status; use one of ${STATUS_WORDS.join(', ')}`);
    const wanted = new Set<string>(values.flatMap((v) => GROUPS[v] ?? [v]));
    return (row) => wanted.has(row.status) !== negate;
  }
  if (column === 'basin') {
    const bad = values.find((v) => !/^-?\d+$/.test(v) || Number(v) < -1);
    if (bad !== undefined) throw new UserError(`--where "${all}": basin "${bad}" is not a basin number; use a whole number, or -1 for starts that reached none`);
    const wanted = new Set(values.map(Number));
    return (row) => wanted.has(row.basin) !== negate;
  }
  throw new UserError(`--where "${all}": cannot filter on "${column}"; filter on status or basin (${USAGE})`);
}
