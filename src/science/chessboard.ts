/**
 * Chessboard (Chebyshev) distance, in cells, from every point of a 2-D grid to the nearest
 * marked point; `unreached` where nothing is marked. Two raster passes with the 8-neighbour
 * mask (Rosenfeld & Pfaltz, J. ACM 13, 471 (1966)), which is exact for this metric.
 * Layout as LabelGrid: width = dims[0] varies fastest.
 */
export function chessboardDistance(marked: Uint8Array, width: number, height: number, unreached = 0x3fffffff): Int32Array {
  const d = new Int32Array(width * height);
  for (let i = 0; i < d.length; i++) d[i] = marked[i] ? 0 : unreached;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = x + width * y;
      if (d[i] === 0) continue;
      let m = d[i];
      if (x > 0) m = Math.min(m, d[i - 1] + 1);
      if (y > 0) {
        const up = i - width;
        m = Math.min(m, d[up] + 1);
        if (x > 0) m = Math.min(m, d[up - 1] + 1);
        if (x < width - 1) m = Math.min(m, d[up + 1] + 1);
      }
      d[i] = m;
    }
  }
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const i = x + width * y;
      if (d[i] === 0) continue;
      let m = d[i];
      if (x < width - 1) m = Math.min(m, d[i + 1] + 1);
      if (y < height - 1) {
        const down = i + width;
        m = Math.min(m, d[down] + 1);
        if (x < width - 1) m = Math.min(m, d[down + 1] + 1);
        if (x > 0) m = Math.min(m, d[down - 1] + 1);
      }
      d[i] = m;
    }
  }
  for (let i = 0; i < d.length; i++) if (d[i] > unreached) d[i] = unreached;
  return d;
}
