/**
 * Scales for the log-log fits: 1, 2, 3, 4, 6, 8, 11, 16, … (2^(k/2) rounded, repeats dropped),
 * up to `max`. Steps of √2 give twice the points of powers of two over the same range, so the
 * fitted slope has residual degrees of freedom for a confidence interval even on small grids.
 */
export function geometricScales(max: number): number[] {
  const out: number[] = [];
  for (let k = 0; ; k++) {
    const s = Math.round(2 ** (k / 2));
    if (s > max) return out;
    if (out[out.length - 1] !== s) out.push(s);
  }
}
