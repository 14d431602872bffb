import type { Dtype as FusedDtype } from './dtype.ts';

/**
 * The largest s of the dtype with fl(√s) ≤ limit. Square roots are correctly rounded and
 * monotone, so `s ≤ T` holds exactly when `fl(√s) ≤ limit` does: the engines test ‖g‖ ≤ gtol on
 * the sum of squares every step and take the square root only for the starts that finish.
 */
/** (eps of the dtype)²: the relative part of the xtol test, ‖step‖² ≤ xtol² + eps²·‖x‖². */
export function relativeXtol2(dtype: FusedDtype): number {
  return dtype === 'float32' ? 2 ** -46 : 2 ** -104;
}

export function sqrtThreshold(limit: number, dtype: FusedDtype): number {
  const round = dtype === 'float32' ? Math.fround : (v: number) => v;
  const lim = round(limit);
  if (Number.isNaN(lim) || lim < 0) return -1;
  if (lim === Infinity) return Infinity;
  const root = (s: number) => round(Math.sqrt(s));
  let s = round(lim * lim);
  while (root(s) > lim) s = step(s, -1, dtype);
  for (let up = step(s, 1, dtype); root(up) <= lim && up !== Infinity; up = step(up, 1, dtype)) s = up;
  return s;
}

/** The neighbouring value of the dtype above (dir 1) or below (dir −1) a non-negative finite v. */
function step(v: number, dir: 1 | -1, dtype: FusedDtype): number {
  if (dtype === 'float32') {
    const f = new Float32Array([v]);
    const i = new Int32Array(f.buffer);
    if (v === 0 && dir < 0) return -1;
    i[0] += dir;
    return f[0];
  }
  const f = new Float64Array([v]);
  const i = new BigInt64Array(f.buffer);
  if (v === 0 && dir < 0) return -1;
  i[0] += BigInt(dir);
  return f[0];
}
