import { UserError } from '../../core/errors.ts';
import { strides, type LabelGrid } from './label-grid.ts';
import { BoxEntropy, maxLabel } from './box-entropy.ts';
import { mulberry32 } from './random.ts';
import { discreteBallAllowance, smoothBallEntropy } from './smooth-ball.ts';
import { studentTQuantile } from './student-t.ts';
import { mixedWindows } from './window.ts';

/**
 * The fractal-boundary test of Puy, Daza, Wagemakers & Sanjuán, "A test for fractal boundaries
 * based on the basin entropy", Commun. Nonlinear Sci. Numer. Simul. 95, 105588 (2021), in the
 * form Attractors.jl's basins_fractal_test implements it:
 *
 * 1. Place balls of radius ε (grid cells, Euclidean) with centres uniformly at random over the
 *    grid (continuous positions; a ball holds the grid points within ε of its centre) and keep
 *    the first `balls` of them that hold two or more basins: boundary balls.
 * 2. Ŝbb = the mean of their entropies, σ = its standard error (sample sd / √n).
 * 3. A smooth boundary gives S_smooth(d) (smooth-ball.ts; 0.4395 in 2-D) plus a discretization
 *    bias of at most δ(ε) = 0.224 ε^−1.006. The boundary is called fractal when the confidence
 *    interval Ŝbb ± t·σ lies wholly outside [S_smooth, S_smooth + δ], smooth otherwise.
 *
 * Differences from Attractors.jl, on purpose: the interval is a 95% one (t quantile; Attractors
 * uses ±1σ, about 68%); balls lie wholly inside the grid (Attractors lets them cross the upper
 * edges); the generator is seeded, so a map gives the same verdict on every run. Unlabelled
 * points are left out of a ball's shares. The brief's alternative reading (fit Sbb against ε
 * and test the slope) is NOT what this is; the ε-dependence is reported by the uncertainty
 * exponent (uncertainty.ts) instead.
 *
 * Sampling: centres are drawn only near the boundary, then filtered, which is the same
 * distribution as drawing everywhere and keeping boundary balls (a ball with two basins has
 * its nearest grid point within Chebyshev distance round(ε) of both, see `candidates`) and is
 * fast when the boundary is a thin part of the map.
 */
export interface FractalTest {
  /** Ball radius ε in grid cells. */
  radius: number;
  /** Boundary balls measured (asked for: `wanted`). */
  balls: number;
  wanted: number;
  /** Mean entropy of the boundary balls, its standard error and confidence interval. */
  Sbb: number | null;
  stdError: number | null;
  ci: [number, number] | null;
  confidence: number;
  /** The smooth-boundary band [reference, reference + allowance]. */
  smooth: { reference: number; allowance: number };
  verdict: 'fractal' | 'smooth' | 'no boundary' | 'too few boundary balls' | 'grid too small';
  /** Grids narrower than 50 ball radii sample few independent balls (Attractors.jl's rule of thumb). */
  coarse: boolean;
}

export interface FractalTestOptions {
  /** Ball radius in grid cells (default: a 50th of the narrowest axis, kept within 3..20). */
  radius?: number;
  /** Boundary balls to measure (default 1000, as Attractors.jl). At least 100. */
  balls?: number;
  seed?: number;
  confidence?: number;
}

export const MIN_TEST_BALLS = 100;

export function defaultTestRadius(dims: readonly number[]): number {
  return Math.min(20, Math.max(3, Math.floor(Math.min(...dims) / 50)));
}

export function fractalTest(g: LabelGrid, opts: FractalTestOptions = {}): FractalTest {
  const radius = opts.radius ?? defaultTestRadius(g.dims);
  const wanted = opts.balls ?? 1000;
  const confidence = opts.confidence ?? 0.95;
  if (!(radius >= 1) || !Number.isFinite(radius)) throw new UserError(`fractal test ball radius ${radius} is under 1 grid point; give a radius of at least 1, e.g. 5`);
  if (!Number.isInteger(wanted) || wanted < MIN_TEST_BALLS) throw new UserError(`fractal test with ${wanted} balls is too few for its statistics; give at least ${MIN_TEST_BALLS} (1000 is usual)`);
  if (!(confidence > 0 && confidence < 1)) throw new UserError(`confidence ${confidence} is not between 0 and 1; give e.g. 0.95`);
  const d = g.dims.length;
  const smooth = { reference: smoothBallEntropy(d), allowance: discreteBallAllowance(radius) };
  const base = { radius, wanted, confidence, smooth, coarse: Math.min(...g.dims) / radius < 50 };
  const none = { balls: 0, Sbb: null, stdError: null, ci: null };
  if (g.dims.some((c) => c - 1 < 2 * radius)) return { ...base, ...none, verdict: 'grid too small' };

  const near = candidates(g, radius);
  if (near.length === 0) return { ...base, ...none, verdict: 'no boundary' };
  const sample = sampleBalls(g, radius, near, wanted, opts.seed ?? 1);
  const n = sample.length;
  if (n < MIN_TEST_BALLS) return { ...base, ...none, verdict: n === 0 ? 'no boundary' : 'too few boundary balls' };
  const mean = sample.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(sample.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const se = sd / Math.sqrt(n);
  const t = studentTQuantile((1 + confidence) / 2, n - 1);
  const ci: [number, number] = [mean - t * se, mean + t * se];
  const outside = ci[1] < smooth.reference || ci[0] > smooth.reference + smooth.allowance;
  return { ...base, balls: n, Sbb: mean, stdError: se, ci, verdict: outside ? 'fractal' : 'smooth' };
}

/**
 * Grid points that can be the nearest point to the centre of a ball holding two basins. If a
 * ball of radius ε centred at p holds points a and b of different basins, and q is the grid
 * point nearest p, then |a − q| ≤ |a − p| + ½ ≤ ε + ½ on every axis, so q's cube of Chebyshev
 * radius ⌊ε + ½⌋ holds both: q is 'mixed' at that radius.
 */
function candidates(g: LabelGrid, radius: number): Int32Array {
  const mixed = mixedWindows(g, Math.floor(radius + 0.5));
  let n = 0;
  for (const m of mixed) n += m;
  const out = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < mixed.length; i++) if (mixed[i]) out[k++] = i;
  return out;
}

/** Entropies of up to `wanted` boundary balls; gives up after 100 draws per ball asked for. */
function sampleBalls(g: LabelGrid, radius: number, near: Int32Array, wanted: number, seed: number): number[] {
  const rand = mulberry32(seed);
  const d = g.dims.length;
  const st = strides(g.dims);
  const box = new BoxEntropy(maxLabel(g.labels));
  const p = new Float64Array(d);
  const lo = new Int32Array(d);
  const hi = new Int32Array(d);
  const k = new Int32Array(d);
  const r2 = radius * radius;
  const out: number[] = [];
  for (let tries = 0; tries < 100 * wanted && out.length < wanted; tries++) {
    let q = near[Math.floor(rand() * near.length)];
    let inside = true;
    for (let j = 0; j < d; j++) {
      const c = g.dims[j];
      const qj = q % c;
      q = (q - qj) / c;
      p[j] = qj + rand() - 0.5;
      if (p[j] < radius || p[j] > c - 1 - radius) inside = false;
      lo[j] = Math.ceil(p[j] - radius);
      hi[j] = Math.floor(p[j] + radius);
    }
    if (!inside) continue;
    // Odometer over the cube [lo, hi]; keep the points within ε of p.
    k.set(lo);
    for (;;) {
      let dist2 = 0;
      let flat = 0;
      for (let j = 0; j < d; j++) {
        dist2 += (k[j] - p[j]) ** 2;
        flat += k[j] * st[j];
      }
      if (dist2 <= r2) box.add(g.labels[flat]);
      let j = 0;
      while (j < d && k[j] === hi[j]) {
        k[j] = lo[j];
        j++;
      }
      if (j === d) break;
      k[j]++;
    }
    const s = box.finish();
    if (box.basins > 1) out.push(s);
  }
  return out;
}
