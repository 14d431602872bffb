/**
 * A value as a label: first rounded to `resolution` (a millionth of f's range over the picture,
 * say), so that float32 residue like 3.1e-9 at a minimum whose f is 0 reads as 0, then shown with
 * at most `digits` significant digits.
 */
export function formatValue(v: number, resolution: number, digits = 5): string {
  if (!Number.isFinite(v)) return String(v);
  // A power of ten, so rounding only drops digits (a step of 1.6e-4 would turn −1.03163 into −1.0317).
  const step = resolution > 0 ? 10 ** Math.floor(Math.log10(resolution)) : 0;
  const r = step > 0 ? Math.round(v / step) * step : v;
  if (r === 0) return '0';
  const a = Math.abs(r);
  if (a >= 1e6 || a < 1e-4) return minus(r.toExponential(digits - 1).replace(/\.?0+e/, 'e'));
  return minus(String(Number(r.toPrecision(digits))));
}

/** A coordinate to the decimals that `step` needs (1e-3 of the axis, say); no trailing zeros. */
export function formatFixed(v: number, step: number): string {
  const decimals = Math.min(8, Math.max(0, Math.ceil(-Math.log10(step))));
  let s = v.toFixed(decimals);
  if (s.includes('.')) s = s.replace(/\.?0+$/, '');
  return s === '-0' ? '0' : minus(s);
}

/** A share of starts: one decimal, and "<0.1%" rather than a misleading "0.0%". */
export function formatPercent(fraction: number): string {
  if (fraction > 0 && fraction < 0.001) return '<0.1%';
  return `${(fraction * 100).toFixed(1)}%`;
}

/** "gd, α = 0.01", or "gd + line search, α₀ = 0.0038" (α is then the first step): for titles. */
export function formatOptimizer(o: { name: string; lr: number; lineSearch?: string }): string {
  return o.lineSearch === 'armijo' ? `${o.name} + line search, α₀ = ${formatShort(o.lr)}` : `${o.name}, α = ${formatShort(o.lr)}`;
}

/** A number for titles: at most 6 significant digits, no float noise. */
export function formatShort(v: number): string {
  return minus(String(Number(v.toPrecision(6))));
}

function minus(s: string): string {
  return s.replace(/^-/, '\u2212');
}
