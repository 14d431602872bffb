/**
 * What the fractal test of Puy et al. (2021) compares against: the mean entropy of a ball that
 * a SMOOTH boundary between two basins cuts.
 *
 * Zoomed in far enough, a smooth boundary is a hyperplane. A ball of radius ε whose centre is
 * placed at random and that meets the plane has its centre at a distance h·ε from it, h uniform
 * in [−1, 1], so the ball's share on one side is the cap fraction
 *   p(h) = ∫_h^1 (1 − t²)^((d−1)/2) dt / ∫_{−1}^1 (1 − t²)^((d−1)/2) dt,
 * and the expected entropy is S_smooth(d) = ∫_0^1 H(p(h)) dh with H(p) = −p ln p − (1−p) ln(1−p)
 * (H is symmetric, so half of [−1, 1] suffices). In 1-D p is uniform and S = 1/2 exactly.
 * Puy, Daza, Wagemakers & Sanjuán, Commun. Nonlinear Sci. Numer. Simul. 95, 105588 (2021),
 * tabulate 0.5, 0.4395, 0.3961, 0.3632, 0.3372 for d = 1..5 (as used by Attractors.jl's
 * basins_fractal_test); this module computes the value for any d, and the tests check it
 * against that table.
 *
 * Numerics: with t = sin θ the inner integrand becomes cos^d θ and with h = sin φ the outer one
 * H(p)·cos φ, both smooth on [0, π/2], so a plain trapezoid rule on 20 000 steps is accurate to
 * far below the test's statistical resolution (~1e-3).
 */
export function smoothBallEntropy(d: number): number {
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`dimension must be a whole number ≥ 1, got ${d}`);
  const steps = 20_000;
  const dt = Math.PI / 2 / steps;
  // tail[k] = ∫_{θ_k}^{π/2} cos^d θ dθ, θ_k = k·dt.
  const tail = new Float64Array(steps + 1);
  for (let k = steps - 1; k >= 0; k--) {
    const a = Math.cos(k * dt) ** d;
    const b = Math.cos((k + 1) * dt) ** d;
    tail[k] = tail[k + 1] + 0.5 * (a + b) * dt;
  }
  const whole = 2 * tail[0];
  const entropy = (p: number) => (p <= 0 || p >= 1 ? 0 : -p * Math.log(p) - (1 - p) * Math.log(1 - p));
  let s = 0;
  for (let k = 0; k <= steps; k++) {
    const w = k === 0 || k === steps ? 0.5 : 1;
    s += w * entropy(tail[k] / whole) * Math.cos(k * dt);
  }
  return s * dt;
}

/**
 * The discretization allowance of Puy et al. (2021): on a grid, the balls' cells make the mean
 * entropy of a smooth boundary come out above S_smooth by up to δ(ε) = 0.224·ε^−1.006 (ε in
 * cells), their fit for discrete discs (the same fit Attractors.jl's basins_fractal_test uses).
 */
export function discreteBallAllowance(radius: number): number {
  return 0.224 * radius ** -1.006;
}
