import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromArray, runStarts, type StartRows } from '../descent/driver.ts';
import { DESCENT_DEFAULTS, type DescentOptions } from '../../core/options.ts';
import { matchKnown } from '../basins/match-known.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { onExit } from '../io/exit-cleanup.ts';
import { startsCsv } from '../io/starts-csv.ts';
import { summaryDocument } from '../io/summary-json.ts';
import { mapBasins } from '../map.ts';
import { findLibraryFunction } from '../objectives/library/index.ts';
import type { Objective } from '../objectives/types.ts';
import { optimizerSpec, type OptimizerSpec } from '../../core/optimizers/index.ts';
import { makeStartSet } from '../starts/index.ts';
import type { Compiled } from '../engines/types.ts';
import { engineFor } from './engines.ts';
import { HEADLINE_WORKLOAD, type WorkloadName } from './workload-names.ts';

/** What one timed run did. The clock starts and stops inside the workload, around the work only. */
export interface WorkloadRun {
  seconds: number;
  /** Start-updates performed: n × steps for fixed-step workloads, Σ nit for the map. */
  pointIterations: number;
  map?: { basins: number; seconds: { descent: number; summary: number; write: number } };
}

export interface RunHooks {
  backend: string;
  /** Called at every termination check, where the runner samples memory. */
  onSample: () => void;
  /** A short run for profiling memory and kernels: at most this many steps, no outputs. */
  maxSteps?: number;
}

/** A workload bound to one batch size: its starts are made once, before any clock runs. */
export interface PreparedWorkload {
  /** The batch size actually run (the map rounds n to a square grid). */
  n: number;
  steps: number;
  run(hooks: RunHooks): Promise<WorkloadRun>;
}

export interface Workload {
  name: string;
  title: string;
  d: number;
  optimizer: OptimizerSpec;
  /** False for the map, which runs every start to convergence: --steps does not apply. */
  fixedSteps: boolean;
  defaultSteps: number;
  defaultSizes: number[];
  method: string;
  objective(): Objective;
  /** The batch size actually run for a requested n, known without preparing anything. */
  sizeFor(n: number): number;
  prepare(n: number, steps: number): PreparedWorkload;
}

const STEPPING_METHOD =
  'the driver (runStarts) with gtol = 0, xtol = 0 and maxIter = steps, so every start takes every step (the driver as users get it, ' +
  'incl. its termination check every 10 steps); starts pre-sampled (uniform, seed 0) outside the clock; the clock stops after the results are read back';

/** Headline: Rastrigin 2-D, plain gradient descent, lr 1e-3, fixed steps, nothing terminates early. */
export function rastrigin2dGd(): Workload {
  return steppingWorkload('rastrigin-2d-gd', 'Rastrigin 2-D, gd lr 1e-3', 'rastrigin', 2, optimizerSpec('gd', { lr: 1e-3 }), [1e2, 1e3, 1e4, 1e5, 1e6]);
}

/** Many-dimensional, stateful optimizer: Adam carries two moment tensors per start. */
export function rosenbrock10dAdam(): Workload {
  return steppingWorkload('rosenbrock-10d-adam', 'Rosenbrock 10-D, adam lr 1e-3', 'rosenbrock', 10, optimizerSpec('adam', { lr: 1e-3 }), [1e2, 1e3, 1e4, 1e5]);
}

/** Wide rows: 50 columns per start, momentum. */
export function styblinskiTang50dMomentum(): Workload {
  return steppingWorkload('styblinski-tang-50d-momentum', 'Styblinski-Tang 50-D, momentum lr 1e-3', 'styblinski-tang', 50, optimizerSpec('momentum', { lr: 1e-3 }), [1e2, 1e3, 1e4, 1e5]);
}

/**
 * The whole job on Himmelblau from a square grid (1000 × 1000 by default): descent to
 * convergence with the `map` command's defaults (gd lr 0.01, ≤ 1000 iterations, compaction on),
 * clustering, matching the known minima, and writing summary.json and starts.csv to a temp dir.
 */
export function himmelblauMap1000(): Workload {
  const optimizer = optimizerSpec('gd', { lr: 0.01 });
  const w: Workload = {
    name: 'himmelblau-map-1000',
    title: 'Himmelblau basin map, grid, gd lr 1e-2 to convergence',
    d: 2,
    optimizer,
    fixedSteps: false,
    defaultSteps: DESCENT_DEFAULTS.maxIter,
    // The smaller grids let the budget rule predict the 1000 × 1000 one before running it.
    defaultSizes: [1e4, 1e5, 1e6],
    method:
      'mapBasins() on a √n × √n grid with the map command defaults (gtol 1e-4, ≤ 1000 iterations, compaction), then matchKnown, summary.json and starts.csv ' +
      'written to a temp dir; the clock covers all of it; point-iterations = Σ nit',
    objective: () => libraryFunction('himmelblau'),
    sizeFor: (n) => Math.max(1, Math.round(Math.sqrt(n))) ** 2,
    prepare(n) {
      const objective = w.objective();
      const box = objective.box(2);
      const side = Math.max(1, Math.round(Math.sqrt(n)));
      const spec = { sampler: 'grid' as const, gridCounts: [side, side] };
      const starts = makeStartSet(spec, box) as StartRows & { describe: string };
      const descent: DescentOptions = { ...DESCENT_DEFAULTS, optimizer, box, sense: 'min' };
      const engines = new Map<string, Promise<Compiled>>();
      const compiledFor = (row: string, maxIter: number) => {
        const key = `${row}:${maxIter}`;
        if (!engines.has(key)) engines.set(key, engineFor(row, objective, 2, { ...descent, maxIter }));
        return engines.get(key)!;
      };
      return {
        n: side * side,
        steps: DESCENT_DEFAULTS.maxIter,
        async run(hooks) {
          if (hooks.maxSteps !== undefined) {
            const compiled = await compiledFor(hooks.backend, hooks.maxSteps);
            const t0 = performance.now();
            const r = await runStarts(compiled, starts, hooks.maxSteps, { onProgress: hooks.onSample });
            return { seconds: (performance.now() - t0) / 1000, pointIterations: sum(r.nit) };
          }
          const compiled = await compiledFor(hooks.backend, descent.maxIter);
          const dir = mkdtempSync(join(tmpdir(), 'basinmap-bench-'));
          // Ctrl-C exits without running finally blocks; the exit cleanup still runs.
          const forget = onExit(() => rmSync(dir, { recursive: true, force: true }));
          try {
            const t0 = performance.now();
            const result = await mapBasins({ objective, starts, descent, control: { onProgress: hooks.onSample }, engine: { engine: compiled.engine, compiled, reason: 'bench row' } });
            const known = matchKnown(result.summary.basins, objective.known(2), result.summary.tolerances.distance);
            const t1 = performance.now();
            const doc = summaryDocument(result.summary, {
              objective, d: 2, box, descent, control: {}, known,
              starts: { describe: starts.describe, spec },
              backend: { name: hooks.backend, probe: { available: true } },
              seconds: result.seconds,
            });
            writeFileAtomic(join(dir, 'starts.csv'), startsCsv(result.results, result.summary.outcome));
            writeFileAtomic(join(dir, 'summary.json'), JSON.stringify(doc, null, 2) + '\n');
            const t2 = performance.now();
            hooks.onSample();
            return {
              seconds: (t2 - t0) / 1000,
              pointIterations: sum(result.results.nit),
              map: {
                basins: result.summary.basins.length,
                seconds: { ...result.seconds, summary: (t1 - t0) / 1000 - result.seconds.descent, write: (t2 - t1) / 1000 },
              },
            };
          } finally {
            forget();
            rmSync(dir, { recursive: true, force: true });
          }
        },
      };
    },
  };
  return w;
}

/** Every workload, by name, in the order tables list them. */
export const WORKLOADS: Record<string, () => Workload> = {
  'rastrigin-2d-gd': rastrigin2dGd,
  'rosenbrock-10d-adam': rosenbrock10dAdam,
  'styblinski-tang-50d-momentum': styblinskiTang50dMomentum,
  'himmelblau-map-1000': himmelblauMap1000,
} satisfies Record<WorkloadName, () => Workload>;

export { HEADLINE_WORKLOAD };

function steppingWorkload(name: string, title: string, fn: string, d: number, optimizer: OptimizerSpec, defaultSizes: number[]): Workload {
  const w: Workload = {
    name,
    title,
    d,
    optimizer,
    fixedSteps: true,
    defaultSteps: 100,
    defaultSizes,
    method: STEPPING_METHOD,
    objective: () => libraryFunction(fn),
    sizeFor: (n) => n,
    prepare(n, steps) {
      const objective = w.objective();
      const box = objective.box(d);
      const x0 = makeStartSet({ sampler: 'uniform', n, seed: 0 }, box) as StartRows;
      const rows = fromArray(x0.rows(0, n).slice(), d);
      const descent: DescentOptions = { ...DESCENT_DEFAULTS, optimizer, box, sense: 'min', gtol: 0, xtol: 0, maxIter: steps };
      // Per row and step count: one prepared workload serves every backend row of its size.
      const engines = new Map<string, Promise<Compiled>>();
      return {
        n,
        steps,
        async run(hooks) {
          const maxIter = Math.min(steps, hooks.maxSteps ?? steps);
          const key = `${hooks.backend}:${maxIter}`;
          if (!engines.has(key)) engines.set(key, engineFor(hooks.backend, objective, d, { ...descent, maxIter }));
          const compiled = await engines.get(key)!;
          const t0 = performance.now();
          const r = await runStarts(compiled, rows, maxIter, { onProgress: hooks.onSample });
          // Σ nit rather than n × steps: a start that lands exactly on a stationary point (gtol 0
          // still accepts ‖g‖ = 0) or leaves the box stops early, and its missing steps must not count.
          return { seconds: (performance.now() - t0) / 1000, pointIterations: sum(r.nit) };
        },
      };
    },
  };
  return w;
}

function libraryFunction(name: string): Objective {
  const o = findLibraryFunction(name);
  if (!o) throw new Error(`the objective library has no "${name}"; this workload needs it`);
  return o;
}

function sum(a: Int32Array): number {
  let s = 0;
  for (const v of a) s += v;
  return s;
}
