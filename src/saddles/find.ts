import type { Dtype } from '../../core/dtype.ts';
import { DESCENT_DEFAULTS, type DescentOptions } from '../../core/options.ts';
import { classifyEigenvalues } from '../basins/classify.ts';
import { Clusterer } from '../basins/cluster.ts';
import { symmetricEigenvalues } from '../basins/eigen.ts';
import { hessians } from '../basins/hessian.ts';
import type { Basin, BasinSummary } from '../basins/types.ts';
import type { StartRows } from '../descent/driver.ts';
import type { Objective } from '../objectives/types.ts';
import { bisect } from './bisect.ts';
import { makeBrackets, midpoints } from './brackets.ts';
import { makeDescents, type Descents } from './descend.ts';
import { boundaryPairs } from './grid-pairs.ts';
import { listedFirstOrder, matchKnownSaddles } from './known.ts';
import { labelEndPoints } from './label.ts';
import { lowestEigenvector } from './linalg.ts';
import { newtonPolish, valuesAndGradients } from './newton.ts';
import { merge, track } from './track.ts';
import type { Saddle, SaddleProgress, SaddleReport } from './types.ts';

export interface SaddleSearchOptions {
  /** Bisection rounds on the map's own segments: 20 halve a grid step about a million times. */
  bisectRounds: number;
  /** Edge-tracking rounds at most, and descent steps per move. */
  tracks: number;
  steps: number;
  /** Newton iterations at the end (quadratic convergence: a few suffice from next to the saddle). */
  newton: number;
}

export const SADDLE_DEFAULTS: SaddleSearchOptions = { bisectRounds: 20, tracks: 30, steps: 20, newton: 8 };

export interface SaddleRequest {
  objective: Objective;
  d: number;
  descent: DescentOptions;
  dtype: Dtype;
  /** The engine the map ran (registry name): every descent of the search runs on it too. */
  engine: string;
  /** The map's starts, on a grid of `dims` points per axis (axis 1 fastest). */
  starts: StartRows;
  dims: readonly number[];
  /** The map's basins and each start's outcome. */
  summary: BasinSummary;
  options?: Partial<SaddleSearchOptions>;
  signal?: AbortSignal;
  onProgress?: (p: SaddleProgress) => void;
}

/** A basin that can be one side of a boundary: a minimum, or one the map did not classify. */
const isMinimum = (b: Basin) => b.kind === undefined || b.kind === 'minimum';

/**
 * The first-order saddles between the map's minima, found from the map itself:
 * 1. every pair of neighbouring grid starts that reached different minima is a bracket on a basin
 *    boundary; all brackets are bisected together, one batch of descents per round;
 * 2. edge tracking carries the brackets along the boundaries to the saddles (track.ts);
 * 3. Newton's method on ∇f = 0 polishes each midpoint (newton.ts);
 * 4. a point is kept only if ‖∇f‖ is within the gradient tolerance and its Hessian has exactly
 *    one negative eigenvalue (and none that is zero to float32 precision), then deduplicated with
 *    the clustering distance of the minima;
 * 5. a step either way along the negative-curvature direction, descended, names the two minima
 *    each saddle joins, and the barrier heights f(saddle) − f(minimum) follow. The descent is the
 *    map's own: with gd (the default) it follows the steepest-descent path, the usual definition
 *    of what a transition state connects; a momentum optimizer (adam, ...) may carry it past a
 *    minimum into another basin, and the minima named are then the ones that optimizer reaches.
 * Runs on the active tfjs backend; never prints (progress through onProgress).
 */
export async function findSaddles(req: SaddleRequest): Promise<SaddleReport> {
  const t0 = performance.now();
  const o = { ...SADDLE_DEFAULTS, ...req.options };
  const { d, summary } = req;
  const distance = summary.tolerances.distance;
  // The map's own bar for a stationary point (its gtol), never below the default 1e-4 that
  // float32 autodiff reaches at the library's scales (core/options.ts DESCENT_DEFAULTS.gtol).
  const gradientTol = Math.max(req.descent.gtol, DESCENT_DEFAULTS.gtol);
  // Brackets are kept 1e-2 of the clustering distance long while tracking: short against the
  // distances that matter, and still ~40 float32 ulps at |x| ~ 10.
  const width = 1e-2 * distance;
  // Off the saddle by twice the clustering distance: clearly out of the saddle's cluster, and
  // close enough that the descent follows the unstable manifold down to the adjacent minima.
  const offset = 2 * distance;
  const report = (phase: SaddleProgress['phase'], round: number, live: number) => req.onProgress?.({ phase, round, live });
  const counts = (b: Basin) => isMinimum(b);
  const basins = summary.basins;

  const pairs = boundaryPairs(summary.outcome, req.dims, (id) => isMinimum(basins[id]));
  const np = pairs.length / 2;
  const tolerances = { gradient: gradientTol, distance, offset };
  if (np === 0) {
    // One basin, or none side by side on the grid: no boundary to search, no engine to compile.
    const search = { boundaryPairs: 0, bisectRounds: 0, trackRounds: 0, batches: 0, rowsDescended: 0, rejected: { notStationary: 0, notIndexOne: 0 }, seconds: (performance.now() - t0) / 1000 };
    return { saddles: [], listed: matchKnownSaddles([], await listedFirstOrder(req.objective.f, req.objective.known(d), d), distance), search, tolerances };
  }
  const descents = await makeDescents({ ...req, steps: o.steps });
  try {
    const a = new Float32Array(np * d);
    const b = new Float32Array(np * d);
    for (let k = 0; k < np; k++) {
      a.set(req.starts.rows(pairs[2 * k], 1), k * d);
      b.set(req.starts.rows(pairs[2 * k + 1], 1), k * d);
    }
    const br = makeBrackets(a, b, Int32Array.from({ length: np }, (_, k) => summary.outcome[pairs[2 * k]]), Int32Array.from({ length: np }, (_, k) => summary.outcome[pairs[2 * k + 1]]), d);
    const common = { basins, distance, counts, width };
    const bisectRounds = await bisect(br, descents, { ...common, width: 0, rounds: o.bisectRounds, onRound: (r, live) => report('bisect', r, live) });
    const tracked = await track(merge(br, width), descents, {
      ...common,
      rounds: 40,
      tracks: o.tracks,
      settle: width,
      memoryless: req.descent.optimizer.name === 'gd',
      onRound: (r, live) => report('track', r, live),
    });

    report('refine', 0, tracked.brackets.n);
    const points = Float64Array.from(midpoints(tracked.brackets));
    await newtonPolish(req.objective.f, points, d, o.newton, 10 * distance);
    const checked = await check(req.objective, points, d, gradientTol);
    const rejected = { notStationary: checked.filter((c) => c.reject === 'notStationary').length, notIndexOne: checked.filter((c) => c.reject === 'notIndexOne').length };

    // Deduplicate: the candidate with the smallest gradient speaks for its cluster.
    const good = checked.map((c, i) => ({ ...c, weight: tracked.brackets.weight[i] })).filter((c) => !c.reject).sort((p, q) => p.gradNorm - q.gradNorm);
    const clusters = new Clusterer(d, distance);
    const flat = Float64Array.from(good.flatMap((c) => c.x));
    const unique: typeof good = [];
    good.forEach((c, i) => {
      const k = clusters.add(flat, i, i);
      if (k === unique.length) unique.push({ ...c });
      else unique[k].weight += c.weight;
    });

    report('connect', 0, unique.length);
    const sides = new Float32Array(unique.length * 2 * d);
    unique.forEach((c, k) => {
      const v = c.direction;
      for (let j = 0; j < d; j++) {
        sides[(2 * k) * d + j] = c.x[j] + offset * v[j];
        sides[(2 * k + 1) * d + j] = c.x[j] - offset * v[j];
      }
    });
    const reached = unique.length ? labelEndPoints(await descents.full(sides), basins, distance, counts) : new Int32Array(0);

    const saddles: Saddle[] = unique
      .map((c, k) => {
        const ends = [reached[2 * k], reached[2 * k + 1]].sort((p, q) => p - q) as [number, number];
        const minima: [number, number] = ends[0] < 0 ? [ends[1], ends[0]] : ends;
        const barrier = (id: number) => (id >= 0 ? c.f - basins[id].f : NaN);
        return { id: 0, x: c.x, f: c.f, gradNorm: c.gradNorm, eigenvalues: c.eigenvalues, minima, barriers: [barrier(minima[0]), barrier(minima[1])] as [number, number], pairs: c.weight };
      })
      .sort((p, q) => p.f - q.f || p.x[0] - q.x[0])
      .map((s, id) => ({ ...s, id }));
    const listed = matchKnownSaddles(saddles, await listedFirstOrder(req.objective.f, req.objective.known(d), d), distance);
    return {
      saddles,
      listed,
      search: {
        boundaryPairs: np,
        bisectRounds: bisectRounds + tracked.bisectRounds,
        trackRounds: tracked.rounds,
        batches: descents.count.batches,
        rowsDescended: descents.count.rows,
        rejected,
        seconds: (performance.now() - t0) / 1000,
      },
      tolerances,
    };
  } finally {
    descents.dispose();
  }
}

interface Candidate {
  x: number[];
  f: number;
  gradNorm: number;
  eigenvalues: number[];
  /** Unit eigenvector of the negative eigenvalue. */
  direction: Float64Array;
  reject?: 'notStationary' | 'notIndexOne';
}

/** f, ‖∇f‖ and the Hessian's spectrum at each point, and whether it is a first-order saddle. */
async function check(objective: Objective, points: Float64Array, d: number, gradientTol: number): Promise<Candidate[]> {
  const m = points.length / d;
  // The check is on the float32 point, as any later use of the saddle sees it.
  const x32 = Float64Array.from(Float32Array.from(points));
  const { f, g } = await valuesAndGradients(objective.f, x32, d);
  const rows = Array.from({ length: m }, (_, i) => Array.from(x32.subarray(i * d, (i + 1) * d)));
  const hs = await hessians(objective.f, rows, d);
  return rows.map((x, i) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += g[i * d + j] ** 2;
    const gradNorm = Math.sqrt(s);
    const eigenvalues = symmetricEigenvalues(hs[i], d);
    const kind = classifyEigenvalues(eigenvalues);
    const negative = eigenvalues.filter((l) => l < 0).length;
    const spread = eigenvalues[d - 1] - eigenvalues[0];
    const direction = lowestEigenvector(hs[i], d, eigenvalues[0], spread);
    const reject = !(gradNorm <= gradientTol) ? 'notStationary' : kind === 'degenerate' || negative !== 1 ? 'notIndexOne' : undefined;
    return { x, f: f[i], gradNorm, eigenvalues, direction, reject };
  });
}
