/**
 * f as a label: rounded to `resolution` (a millionth of f's range over the picture, say), so that
 * float32 residue like 3.1e-9 at a minimum whose f is 0 reads as 0, while -1.0316 keeps its digits.
 */
export function formatValue(v: number, resolution: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1e6 || (a > 0 && a < 1e-4 && a >= resolution)) return minus(v.toExponential(3).replace(/\.?0+e/, 'e'));
  const decimals = resolution > 0 ? Math.min(6, Math.max(0, -Math.floor(Math.log10(resolution)))) : 6;
  let s = v.toFixed(decimals);
  if (s.includes('.')) s = s.replace(/\.?0+$/, '');
  if (/^-0$/.test(s)) s = '0';
  return minus(s);
}

/** A share of starts: one decimal, and "<0.1%" rather than a misleading "0.0%". */
export function formatPercent(fraction: number): string {
  if (fraction > 0 && fraction < 0.001) return '<0.1%';
  return `${(fraction * 100).toFixed(1)}%`;
}

/** A number for titles: at most 6 significant digits, no float noise. */
export function formatShort(v: number): string {
  return minus(String(Number(v.toPrecision(6))));
}

function minus(s: string): string {
  return s.replace(/^-/, '\u2212');
}
