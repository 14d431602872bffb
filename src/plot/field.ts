import type { ObjectiveFn } from '../objectives/types.ts';
import { tf } from '../../core/tf.ts';
import { pointOn, type Plane } from './plane.ts';

/**
 * f sampled on a regular nx × ny grid over a plane's ranges, edges included: value (i, j) is at
 * u = u0 + i·(u1 − u0)/(nx − 1), v = v0 + j·(v1 − v0)/(ny − 1), stored at values[j·nx + i]
 * (the layout d3-contour reads).
 */
export interface Field {
  nx: number;
  ny: number;
  range: [[number, number], [number, number]];
  values: Float32Array;
}

/** Evaluates f on the plane's grid in one batch; asynchronous readback works on every backend. */
export async function sampleField(f: ObjectiveFn, plane: Plane, nx: number, ny: number): Promise<Field> {
  const [[u0, u1], [v0, v1]] = plane.range;
  const rows = new Float32Array(nx * ny * plane.d);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      pointOn(plane, u0 + ((u1 - u0) * i) / (nx - 1), v0 + ((v1 - v0) * j) / (ny - 1), rows, (j * nx + i) * plane.d);
    }
  }
  return { nx, ny, range: plane.range, values: await evaluate(f, rows, plane.d) };
}

/** f of a 1-D function at n points spread evenly over [lo, hi], edges included. */
export async function sampleCurve(f: ObjectiveFn, [lo, hi]: [number, number], n: number): Promise<{ x: Float64Array; f: Float32Array }> {
  const x = Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  return { x, f: await evaluate(f, Float32Array.from(x), 1) };
}

async function evaluate(f: ObjectiveFn, rows: Float32Array, d: number): Promise<Float32Array> {
  const y = tf.tidy(() => f(tf.tensor2d(rows, [rows.length / d, d])));
  try {
    return Float32Array.from(await y.data());
  } finally {
    y.dispose();
  }
}
