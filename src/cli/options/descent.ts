import type { Argv } from 'yargs';
import { DESCENT_DEFAULTS, type DescentOptions } from '../../../core/options.ts';
import { UserError } from '../../../core/errors.ts';
import type { Box, SuggestedDescent } from '../../objectives/types.ts';
import { optimizerSpec } from '../../../core/optimizers/index.ts';
import { LINE_SEARCHES, OPTIMIZER_NAMES, type OptimizerName } from '../../../core/optimizers/index.ts';
import type { StartRows } from '../../descent/driver.ts';
import type { AutoStepSize, LrRequest } from '../../descent/step-size.ts';
import { settleLineSearch } from '../../descent/line-search-policy.ts';
import type { ObjectiveFn } from '../../objectives/types.ts';

/** The update rule and its hyperparameters: shared by map and trace. */
export interface OptimizerArgs {
  /** Unset: the objective's suggestion (Objective.suggested), else gd; see withSuggestion. */
  optimizer?: string;
  /** A number, 'auto' (see descent/step-size.ts), or unset: the objective's suggestion, else auto. */
  lr?: number | string;
  beta?: number;
  beta1?: number;
  beta2?: number;
  rho?: number;
  eps?: number;
  /** 'armijo': gd with a per-start backtracking line search (core/optimizers/line-search.ts). */
  lineSearch?: string;
  maximize: boolean;
}

export interface DescentArgs extends OptimizerArgs {
  bounds: 'free' | 'clip';
  maxIter?: number;
  gtol: number;
  xtol: number;
  divergeRadius: number;
}

export function optimizerOptions<T>(y: Argv<T>): Argv<T & OptimizerArgs> {
  return y
    .option('optimizer', { type: 'string', choices: OPTIMIZER_NAMES as unknown as string[], describe: `update rule (default ${CLI_DEFAULTS.optimizer}, or the library function's suggestion: see \`basinmap functions\`)`, group: 'Descent:' })
    .option('lr', { type: 'string', describe: `learning rate α, step = −α·∇f for gd, or auto: from the curvature over the box (gd, momentum, nesterov) or the box's width (adaptive optimizers) (default ${CLI_DEFAULTS.lr}, or the library function's suggestion)`, group: 'Descent:' })
    .option('beta', { type: 'number', describe: 'momentum/nesterov decay (default 0.9)', group: 'Descent:' })
    .option('beta1', { type: 'number', describe: 'adam first-moment decay (default 0.9)', group: 'Descent:' })
    .option('beta2', { type: 'number', describe: 'adam second-moment decay (default 0.999)', group: 'Descent:' })
    .option('rho', { type: 'number', describe: 'rmsprop decay (default 0.9)', group: 'Descent:' })
    .option('eps', { type: 'number', describe: 'adam/rmsprop/adagrad ε (default 1e-8)', group: 'Descent:' })
    .option('line-search', { type: 'string', choices: LINE_SEARCHES as unknown as string[], describe: 'gd only. armijo (the default under --lr auto): each start finds its own step, Barzilai–Borwein trial steps accepted by a nonmonotone Armijo test, halved when refused, one trial point per iteration, lr the first step; none: the fixed step lr', group: 'Descent:' })
    .option('maximize', { type: 'boolean', default: false, describe: 'ascend to maxima instead of descending to minima', group: 'Descent:' }) as unknown as Argv<T & OptimizerArgs>;
}

/** What runs when neither the user nor the objective's suggestion says otherwise. */
export const CLI_DEFAULTS = { optimizer: 'gd', lr: 'auto' } as const;

/** The optimizer, lr and max-iter a run uses, and which of them came from the objective's suggestion. */
export interface Settled {
  optimizer: string;
  /** 'auto' until settleLr turns it into the number the run uses. */
  lr: LrRequest;
  /** How lr auto chose lr (set by settleLr). */
  auto?: AutoStepSize;
  maxIter: number;
  /** The options taken from Objective.suggested (empty when none was). */
  suggested: Array<'optimizer' | 'lr' | 'maxIter'>;
}

/**
 * Fills the options the user left unset (on the command line and in --config) from the
 * objective's suggestion, else from the defaults. A suggested lr or max-iter belongs to the
 * suggested optimizer: when the user picks another one, the defaults apply instead.
 */
export function withSuggestion(a: Pick<OptimizerArgs, 'optimizer' | 'lr'> & { maxIter?: number }, s: SuggestedDescent | undefined): Settled {
  const lr = parseLr(a.lr);
  const suggested: Settled['suggested'] = [];
  const take = <T>(key: Settled['suggested'][number], given: T | undefined, value: T | undefined, fallback: T): T => {
    if (given !== undefined) return given;
    if (value === undefined) return fallback;
    suggested.push(key);
    return value;
  };
  const optimizer = take('optimizer', a.optimizer, s?.optimizer, CLI_DEFAULTS.optimizer);
  const applies = s !== undefined && (s.optimizer ?? CLI_DEFAULTS.optimizer) === optimizer;
  return {
    optimizer,
    lr: take<LrRequest>('lr', lr, applies ? s.lr : undefined, CLI_DEFAULTS.lr),
    maxIter: take('maxIter', a.maxIter, applies ? s.maxIter : undefined, DESCENT_DEFAULTS.maxIter),
    suggested,
  };
}

/** --lr as given (a number, or a number or 'auto' as text from the command line or a config). */
export function parseLr(v: unknown): LrRequest | undefined {
  if (v === undefined || v === null) return undefined;
  if (v === 'auto') return 'auto';
  if (typeof v === 'number') return v;
  // Numbers are checked where every lr is (optimizerSpec: finite, > 0); here only the word.
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  throw new UserError(`--lr must be a number or auto, got ${JSON.stringify(v)}`);
}

/**
 * Settles lr auto (see descent/step-size.ts) into the number every engine then runs with, on the
 * active tfjs backend; a given or suggested lr passes through. `starts` are the run's own starts
 * (map) or a sample of the box (trace, which has only a few).
 */
export async function settleLr(settled: Settled, a: Pick<OptimizerArgs, 'beta'>, problem: { f: ObjectiveFn; box: Box; starts?: StartRows }): Promise<Settled & { lr: number }> {
  if (settled.lr !== 'auto') return settled as Settled & { lr: number };
  // Loaded here, not at the top: the curvature estimate needs tfjs, and the CLI declares these
  // options (and refuses bad ones) before anything heavy loads.
  const [{ AUTO_SAMPLES, autoStepSize }, { uniformStartSet }] = await Promise.all([import('../../descent/step-size.ts'), import('../../starts/uniform.ts')]);
  const starts = problem.starts ?? uniformStartSet(AUTO_SAMPLES, 0, problem.box);
  const auto = await autoStepSize({ f: problem.f, box: problem.box, starts, optimizer: settled.optimizer as OptimizerName, beta: a.beta });
  return { ...settled, lr: auto.lr, auto };
}

/** "lr auto: 0.0037 (1/L, L = ...)": the run header's line saying what auto chose and why, or ''. */
export function autoLrLine(settled: Pick<Settled, 'auto'>): string {
  return settled.auto ? `lr auto: ${settled.auto.lr} (${settled.auto.why})\n` : '';
}

/** "settings suggested for X: ...", a line for the run's header, or '' when no suggestion was used. */
export function suggestionLine(objective: { name: string; suggested?: SuggestedDescent }, settled: Settled): string {
  const s = objective.suggested;
  if (!s || settled.suggested.length === 0) return '';
  const used = Object.fromEntries(settled.suggested.map((k) => [k, settled[k]]));
  return `settings suggested for ${objective.name}: ${suggestionFlags(used)} (${s.why})\n`;
}

/** The flags that spell out (part of) a suggestion: "--optimizer adam --lr 0.1 --max-iter 15000". */
export function suggestionFlags(s: { optimizer?: string; lr?: number; maxIter?: number }): string {
  return [s.optimizer && `--optimizer ${s.optimizer}`, s.lr !== undefined && `--lr ${s.lr}`, s.maxIter !== undefined && `--max-iter ${s.maxIter}`].filter(Boolean).join(' ');
}

/** `trace`'s --iters (the explore page's demo has the same knob): a whole number ≥ 0. */
/**
 * trace keeps every point of every path (the table, the CSV and the picture draw them all): a
 * million points a path is already more than a picture or a reader can use, and each costs
 * memory. Longer runs are what `map` is for.
 */
export const MAX_TRACE_ITERS = 1_000_000;

export function checkTraceIters(iters: number): number {
  if (!(Number.isInteger(iters) && iters >= 0)) throw new UserError(`--iters must be a whole number ≥ 0, got ${iters}`);
  if (iters > MAX_TRACE_ITERS) throw new UserError(`--iters ${iters} would keep up to ${iters} points a path: trace records at most ${MAX_TRACE_ITERS} (use map, which keeps only where each start ends, for longer runs)`);
  return iters;
}

export function optimizerFromArgs(a: OptimizerArgs, settled: Pick<Settled, 'optimizer' | 'lr' | 'auto'>) {
  if (settled.lr === 'auto') throw new Error('lr auto must be settled (settleLr) before the optimizer is made');
  const spec = optimizerSpec(settled.optimizer, { lr: settled.lr, beta: a.beta, beta1: a.beta1, beta2: a.beta2, rho: a.rho, eps: a.eps, lineSearch: a.lineSearch });
  return settleLineSearch(spec, settled.auto !== undefined);
}

export function descentOptions<T>(y: Argv<T>): Argv<T & DescentArgs> {
  return optimizerOptions(y)
    .option('bounds', { type: 'string', choices: ['free', 'clip'], default: 'free', describe: 'free: starts may leave the box; clip: every step is projected back into it (edge points are reported as such)', group: 'Descent:' })
    .option('max-iter', { type: 'number', describe: `iterations per start at most (default ${DESCENT_DEFAULTS.maxIter}, or the library function's suggestion)`, group: 'Descent:' })
    .option('gtol', { type: 'number', default: DESCENT_DEFAULTS.gtol, describe: 'converged when ‖∇f‖ ≤ gtol', group: 'Descent:' })
    .option('xtol', { type: 'number', default: DESCENT_DEFAULTS.xtol, describe: 'converged when a step is ≤ xtol long or below float32 resolution at x (0: off)', group: 'Descent:' })
    .option('diverge-radius', { type: 'number', default: DESCENT_DEFAULTS.divergeRadius, describe: 'diverged when farther than this many box half-widths from its centre', group: 'Descent:' }) as unknown as Argv<T & DescentArgs>;
}

export function descentFromArgs(a: DescentArgs, box: Box, settled: Settled): DescentOptions {
  const optimizer = optimizerFromArgs(a, settled);
  const maxIter = settled.maxIter;
  if (!(Number.isInteger(maxIter) && maxIter >= 1)) throw new UserError(`--max-iter must be a whole number ≥ 1, got ${maxIter}`);
  // An infinite tolerance would end every start at iteration 0, "converged": a silent wrong map.
  if (!(a.gtol >= 0 && Number.isFinite(a.gtol))) throw new UserError(`--gtol must be a finite number ≥ 0, got ${a.gtol}: e.g. --gtol 1e-4`);
  if (!(a.xtol >= 0 && Number.isFinite(a.xtol))) throw new UserError(`--xtol must be a finite number ≥ 0, got ${a.xtol}: e.g. --xtol 1e-7 (0 turns the test off)`);
  if (!(a.divergeRadius > 1)) throw new UserError(`--diverge-radius must be > 1 (box half-widths), got ${a.divergeRadius}`);
  return { optimizer, maxIter, gtol: a.gtol, xtol: a.xtol, box, divergeRadius: a.divergeRadius, sense: a.maximize ? 'max' : 'min', bounds: a.bounds };
}
