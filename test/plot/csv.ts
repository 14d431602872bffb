import { expect } from 'vitest';

/** Parses CSV text without quoting (ours never needs any), checking every row is complete and numeric. */
export function parseCsv(text: string): { header: string[]; rows: number[][] } {
  expect(text.endsWith('\n')).toBe(true);
  const [head, ...lines] = text.slice(0, -1).split('\n');
  const header = head.split(',');
  const rows = lines.map((l) => l.split(',').map(Number));
  for (const r of rows) {
    expect(r).toHaveLength(header.length);
    expect(r.every(Number.isFinite)).toBe(true);
  }
  return { header, rows };
}
