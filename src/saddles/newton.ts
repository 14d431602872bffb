import { tf, type Tensor, type Tensor2D } from '../../core/tf.ts';
import { hessians } from '../basins/hessian.ts';
import type { ObjectiveFn } from '../objectives/types.ts';
import { solve } from './linalg.ts';

/** f and ∇f at many points at once by tfjs autodiff (float32), copied to float64. */
export async function valuesAndGradients(f: ObjectiveFn, points: Float64Array, d: number): Promise<{ f: Float64Array; g: Float64Array }> {
  const m = points.length / d;
  if (m === 0) return { f: new Float64Array(0), g: new Float64Array(0) };
  const x = tf.tensor2d(Float32Array.from(points), [m, d]);
  const { value, grad } = tf.tidy(() => {
    const vg = tf.valueAndGrad((v: Tensor) => tf.sum(f(v as Tensor2D)));
    // The value of the sum is no use: f per row comes from a second (cheap) forward pass.
    const { grad } = vg(x);
    return { value: f(x), grad };
  });
  const [fv, gv] = await Promise.all([value.data(), grad.data()]);
  tf.dispose([x, value, grad]);
  return { f: Float64Array.from(fv), g: Float64Array.from(gv) };
}

/**
 * Newton's method on ∇f = 0 for every point at once: x ← x − H⁻¹∇f, with tfjs float32 gradients
 * and Hessians and the step solved in float64. It converges to the stationary point nearest
 * (quadratically), whatever its kind: edge tracking brings the points next to their saddle
 * first, and the check afterwards rejects anything else. A step is cut to `maxStep` (Chebyshev)
 * so a point near a singular Hessian cannot be thrown across the box. Works in place.
 */
export async function newtonPolish(f: ObjectiveFn, points: Float64Array, d: number, iterations: number, maxStep: number): Promise<void> {
  const m = points.length / d;
  const live = new Uint8Array(m).fill(1);
  for (let it = 0; it < iterations; it++) {
    const rows = Array.from({ length: m }, (_, i) => i).filter((i) => live[i]);
    if (rows.length === 0) return;
    const at = rows.map((i) => Array.from(points.subarray(i * d, (i + 1) * d)));
    const { g } = await valuesAndGradients(f, Float64Array.from(at.flat()), d);
    const hs = await hessians(f, at, d);
    rows.forEach((i, k) => {
      const step = solve(hs[k], g.subarray(k * d, (k + 1) * d), d);
      if (!step || step.some((s) => !Number.isFinite(s))) {
        live[i] = 0;
        return;
      }
      let big = 0;
      for (const s of step) big = Math.max(big, Math.abs(s));
      const cut = big > maxStep ? maxStep / big : 1;
      let moved = 0;
      for (let j = 0; j < d; j++) {
        const before = points[i * d + j];
        points[i * d + j] = before - cut * step[j];
        moved = Math.max(moved, Math.abs(Math.fround(points[i * d + j]) - Math.fround(before)));
      }
      // No float32 coordinate moved: further steps cannot change what f32 autodiff sees.
      if (moved === 0) live[i] = 0;
    });
  }
}
