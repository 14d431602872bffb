/** Throughputs and sizes in tables: 3 significant digits, exponent form from 1e4 up ("3.42e6"). */
export function sci(v: number | undefined | null): string {
  if (v === undefined || v === null || !Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) {
    const [m, e] = v.toExponential(2).split('e');
    return `${m}e${Number(e)}`;
  }
  return String(Number(v.toPrecision(3)));
}

/** A batch size as typed on the command line: 100, 1e4, 1e6; other values in full. */
export function size(n: number): string {
  const e = Math.log10(n);
  return n >= 1e4 && Number.isInteger(e) ? `1e${e}` : String(n);
}

/** A ratio: "3.41×", "0.82×". */
export function ratio(v: number | undefined | null): string {
  if (v === undefined || v === null || !Number.isFinite(v)) return '–';
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)}×`;
}

export function bytes(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let k = 0;
  let x = v;
  while (x >= 1024 && k < units.length - 1) {
    x /= 1024;
    k++;
  }
  return `${x >= 100 || k === 0 ? x.toFixed(0) : x.toFixed(1)} ${units[k]}`;
}

export function seconds(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  return v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(2);
}

/**
 * Columns listed in `left` (default: the first) are left-aligned text, the rest right-aligned numbers. A row shorter than the header is a note row:
 * its cells but the last are aligned as usual and the last runs on freely (e.g. "skipped: ...").
 */
export function alignTable(header: string[], rows: string[][], opts: { indent?: string; left?: number[] } = {}): string {
  const indent = opts.indent ?? '  ';
  const left = new Set(opts.left ?? [0]);
  const full = rows.filter((r) => r.length === header.length);
  const notes = rows.filter((r) => r.length < header.length);
  const width = header.map((h, j) =>
    Math.max(h.length, ...full.map((r) => r[j].length), ...notes.map((r) => (j < r.length - 1 ? r[j].length : 0))),
  );
  const cell = (c: string, j: number) => (left.has(j) ? c.padEnd(width[j]) : c.padStart(width[j]));
  const line = (r: string[]) => {
    if (r.length === header.length) return indent + r.map(cell).join('  ').trimEnd();
    return indent + [...r.slice(0, -1).map(cell), r[r.length - 1]].join('  ');
  };
  return [line(header), ...rows.map(line)].join('\n');
}
