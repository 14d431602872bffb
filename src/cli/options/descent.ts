import type { Argv } from 'yargs';
import { DESCENT_DEFAULTS, type DescentOptions } from '../../descent/options.ts';
import { UserError } from '../../errors.ts';
import type { Box } from '../../objectives/types.ts';
import { optimizerSpec } from '../../optimizers/index.ts';
import { OPTIMIZER_NAMES } from '../../optimizers/spec.ts';

/** The update rule and its hyperparameters: shared by map and trace. */
export interface OptimizerArgs {
  optimizer: string;
  lr: number;
  beta?: number;
  beta1?: number;
  beta2?: number;
  rho?: number;
  eps?: number;
  maximize: boolean;
}

export interface DescentArgs extends OptimizerArgs {
  bounds: 'free' | 'clip';
  maxIter: number;
  gtol: number;
  xtol: number;
  divergeRadius: number;
}

export function optimizerOptions<T>(y: Argv<T>): Argv<T & OptimizerArgs> {
  return y
    .option('optimizer', { type: 'string', default: 'gd', choices: OPTIMIZER_NAMES as unknown as string[], describe: 'update rule', group: 'Descent:' })
    .option('lr', { type: 'number', default: 0.01, describe: 'learning rate α (step = −α·∇f for gd)', group: 'Descent:' })
    .option('beta', { type: 'number', describe: 'momentum/nesterov decay (default 0.9)', group: 'Descent:' })
    .option('beta1', { type: 'number', describe: 'adam first-moment decay (default 0.9)', group: 'Descent:' })
    .option('beta2', { type: 'number', describe: 'adam second-moment decay (default 0.999)', group: 'Descent:' })
    .option('rho', { type: 'number', describe: 'rmsprop decay (default 0.9)', group: 'Descent:' })
    .option('eps', { type: 'number', describe: 'adam/rmsprop/adagrad ε (default 1e-8)', group: 'Descent:' })
    .option('maximize', { type: 'boolean', default: false, describe: 'ascend to maxima instead of descending to minima', group: 'Descent:' }) as unknown as Argv<T & OptimizerArgs>;
}

export function optimizerFromArgs(a: OptimizerArgs) {
  return optimizerSpec(a.optimizer, { lr: a.lr, beta: a.beta, beta1: a.beta1, beta2: a.beta2, rho: a.rho, eps: a.eps });
}

export function descentOptions<T>(y: Argv<T>): Argv<T & DescentArgs> {
  return optimizerOptions(y)
    .option('bounds', { type: 'string', choices: ['free', 'clip'], default: 'free', describe: 'free: starts may leave the box; clip: every step is projected back into it (edge points are reported as such)', group: 'Descent:' })
    .option('max-iter', { type: 'number', default: DESCENT_DEFAULTS.maxIter, describe: 'iterations per start at most', group: 'Descent:' })
    .option('gtol', { type: 'number', default: DESCENT_DEFAULTS.gtol, describe: 'converged when ‖∇f‖ ≤ gtol', group: 'Descent:' })
    .option('xtol', { type: 'number', default: DESCENT_DEFAULTS.xtol, describe: 'converged when a step is ≤ xtol long or below float32 resolution at x (0: off)', group: 'Descent:' })
    .option('diverge-radius', { type: 'number', default: DESCENT_DEFAULTS.divergeRadius, describe: 'diverged when farther than this many box half-widths from its centre', group: 'Descent:' }) as unknown as Argv<T & DescentArgs>;
}

export function descentFromArgs(a: DescentArgs, box: Box): DescentOptions {
  const optimizer = optimizerFromArgs(a);
  if (!(Number.isInteger(a.maxIter) && a.maxIter >= 1)) throw new UserError(`--max-iter must be a whole number ≥ 1, got ${a.maxIter}`);
  if (!(a.gtol >= 0)) throw new UserError(`--gtol must be ≥ 0, got ${a.gtol}`);
  if (!(a.xtol >= 0)) throw new UserError(`--xtol must be ≥ 0, got ${a.xtol}`);
  if (!(a.divergeRadius > 1)) throw new UserError(`--diverge-radius must be > 1 (box half-widths), got ${a.divergeRadius}`);
  return { optimizer, maxIter: a.maxIter, gtol: a.gtol, xtol: a.xtol, box, divergeRadius: a.divergeRadius, sense: a.maximize ? 'max' : 'min', bounds: a.bounds };
}
