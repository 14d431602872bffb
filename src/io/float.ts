/**
 * Shortest decimal text that reads back as the same float32 (6 to 9 significant digits), so CSV
 * files are compact yet lossless for float32 data: the fewest digits p ≥ 6 for which v rounded
 * to p significant digits (as toPrecision rounds) reads back as v, written as JavaScript writes
 * that number. Millions of values go through here for one map, so the common case avoids
 * toPrecision: see fastDigits.
 */
export function formatFloat32(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  if (v === 0) return '0';
  return fastDigits(v) ?? slowDigits(v);
}

/**
 * Shortest decimal text that reads back as the same float64: JavaScript's own Number to string
 * (ECMAScript requires the shortest digits that round-trip), with the same words as formatFloat32
 * for the non-finite values. Used for the columns of a float64 run.
 */
export function formatFloat64(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  return Object.is(v, -0) ? '-0' : String(v);
}

/** The formatter that writes a column's values losslessly: float64 text for a Float64Array, float32 text otherwise. */
export function formatterFor(column: ArrayLike<number>): (v: number) => string {
  return column instanceof Float64Array ? formatFloat64 : formatFloat32;
}

/** The definition, digit count by digit count, with the engine's own decimal conversions. */
export function slowDigits(v: number): string {
  for (let p = 6; p < 9; p++) {
    const s = v.toPrecision(p);
    if (Math.fround(Number(s)) === v) return String(Number(s));
  }
  return String(Number(v.toPrecision(9)));
}

// 10^0 … 10^22, every one exact in float64.
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The same result in float64 arithmetic, or undefined where it cannot vouch for it. With
 * |v|·10^k = s (k chosen so that p digits lie before the point), the p-digit rounding of v is
 * n = round(s), and Number(that text) is n / 10^k (or n·10^−k): one correctly rounded operation on
 * exact operands, as the parser's result is. s itself carries one rounding (relative 2^−53), so
 * it decides n only away from a tie: within 1e−6 of one (relative 1e−14 ≫ 2^−53), or when n has
 * the wrong number of digits (log10 near a power of ten, or rounding up to 10^p), or beyond the
 * exact powers of ten, the caller takes the slow path.
 */
function fastDigits(v: number): string | undefined {
  const a = Math.abs(v);
  const e = Math.floor(Math.log10(a));
  for (let p = 6; p <= 9; p++) {
    const k = p - 1 - e;
    if (k > 22 || k < -22) return undefined;
    const s = k >= 0 ? a * POW10[k] : a / POW10[-k];
    const fl = Math.floor(s);
    if (Math.abs(s - fl - 0.5) < 1e-6) return undefined;
    const n = s - fl < 0.5 ? fl : fl + 1;
    if (n < POW10[p - 1] || n >= POW10[p]) return undefined;
    const q = k >= 0 ? n / POW10[k] : n * POW10[-k];
    if (p === 9 || Math.fround(q) === a) return (v < 0 ? '-' : '') + numberText(String(n).replace(/0+$/, ''), e);
  }
  return undefined;
}

/**
 * String(x) for the x with significant digits `digits` (no trailing zeros) and decimal exponent
 * e (x = d.ddd × 10^e), by ECMAScript's Number::toString rules. String(q) would give the same
 * text (q has at most 9 digits, so its shortest float64 form is these digits), but formatting
 * an integer is several times cheaper than the shortest-float64 search.
 */
function numberText(digits: string, e: number): string {
  const k = digits.length;
  const n = e + 1;
  if (k <= n && n <= 21) return digits + '0'.repeat(n - k);
  if (0 < n && n <= 21) return `${digits.slice(0, n)}.${digits.slice(n)}`;
  if (-6 < n && n <= 0) return `0.${'0'.repeat(-n)}${digits}`;
  return `${digits[0]}${k > 1 ? `.${digits.slice(1)}` : ''}e${n - 1 >= 0 ? '+' : '-'}${Math.abs(n - 1)}`;
}
