import { strides, type LabelGrid } from './label-grid.ts';

/** No label: larger than any basin id for the minimum, smaller than any for the maximum. */
const NONE_MIN = 0x7fffffff;
const NONE_MAX = -1;

/**
 * For every grid point, whether the cube of Chebyshev radius r around it (clipped to the grid)
 * holds two or more distinct basin labels. Points without a label count as absent.
 *
 * A window holds two labels exactly when its smallest and largest label differ, and the cube's
 * min and max are separable into one sliding min/max per axis. Each 1-D pass is van Herk /
 * Gil & Werman's (Pattern Recognit. Lett. 13, 517 (1992); IEEE PAMI 15, 504 (1993)): three
 * comparisons per point whatever r, so the cost is O(N·d) for any radius.
 */
export function mixedWindows(g: LabelGrid, r: number): Uint8Array {
  const n = g.labels.length;
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const l = g.labels[i];
    lo[i] = l >= 0 ? l : NONE_MIN;
    hi[i] = l >= 0 ? l : NONE_MAX;
  }
  if (r > 0) slidingMinMax(lo, hi, g.dims, r);
  const mixed = new Uint8Array(n);
  for (let i = 0; i < n; i++) mixed[i] = hi[i] >= 0 && lo[i] < hi[i] ? 1 : 0;
  return mixed;
}

/**
 * In place, both at once: lo[i] ← min and hi[i] ← max of lo/hi over the window [i − r, i + r]
 * along every axis in turn. Min and max are written out rather than passed as functions, which
 * V8 would not inline (a function argument made this 10× slower).
 */
function slidingMinMax(lo: Int32Array, hi: Int32Array, dims: readonly number[], r: number): void {
  const st = strides(dims);
  const w = 2 * r + 1;
  const maxLen = Math.max(...dims);
  // A line padded by r on both sides, rounded up to whole blocks of w.
  const padded = Math.ceil((maxLen + 2 * r) / w) * w;
  const [lineLo, fwdLo, bwdLo] = [new Int32Array(padded), new Int32Array(padded), new Int32Array(padded)];
  const [lineHi, fwdHi, bwdHi] = [new Int32Array(padded), new Int32Array(padded), new Int32Array(padded)];
  for (let axis = 0; axis < dims.length; axis++) {
    const c = dims[axis];
    if (c === 1) continue;
    const step = st[axis];
    const outer = lo.length / c;
    const len = Math.ceil((c + 2 * r) / w) * w;
    for (let o = 0; o < outer; o++) {
      // Line o: the points whose index along `axis` varies, the others fixed.
      const base = (o % step) + Math.floor(o / step) * step * c;
      lineLo.fill(NONE_MIN, 0, len);
      lineHi.fill(NONE_MAX, 0, len);
      for (let k = 0; k < c; k++) {
        lineLo[r + k] = lo[base + k * step];
        lineHi[r + k] = hi[base + k * step];
      }
      // Running extremes from each block's start (fwd) and from its end (bwd).
      for (let b = 0; b < len; b += w) {
        fwdLo[b] = lineLo[b];
        fwdHi[b] = lineHi[b];
        for (let k = b + 1; k < b + w; k++) {
          fwdLo[k] = lineLo[k] < fwdLo[k - 1] ? lineLo[k] : fwdLo[k - 1];
          fwdHi[k] = lineHi[k] > fwdHi[k - 1] ? lineHi[k] : fwdHi[k - 1];
        }
        const e = b + w - 1;
        bwdLo[e] = lineLo[e];
        bwdHi[e] = lineHi[e];
        for (let k = e - 1; k >= b; k--) {
          bwdLo[k] = lineLo[k] < bwdLo[k + 1] ? lineLo[k] : bwdLo[k + 1];
          bwdHi[k] = lineHi[k] > bwdHi[k + 1] ? lineHi[k] : bwdHi[k + 1];
        }
      }
      // Point k's window spans padded [k, k + 2r]: the tail of one block and the head of the next.
      for (let k = 0; k < c; k++) {
        const a = bwdLo[k];
        const b = fwdLo[k + 2 * r];
        lo[base + k * step] = a < b ? a : b;
        const x = bwdHi[k];
        const y = fwdHi[k + 2 * r];
        hi[base + k * step] = x > y ? x : y;
      }
    }
  }
}
