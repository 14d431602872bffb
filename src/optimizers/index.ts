import { UserError } from '../errors.ts';
import { OPTIMIZER_DEFAULTS, OPTIMIZER_NAMES, type OptimizerName, type OptimizerSpec } from './spec.ts';
import type { Transform } from './transform.ts';
import { chain, scale, scaleByAdam, scaleByRms, scaleByRss, trace } from './transforms.ts';

export type { OptimizerName, OptimizerSpec } from './spec.ts';
export type { Transform } from './transform.ts';

/** The named optimizers, each a composition of the transforms (see spec.ts for the rules). */
export function makeOptimizer(spec: OptimizerSpec): Transform<any> {
  const { lr } = spec;
  switch (spec.name) {
    case 'gd':
      return scale(-lr);
    case 'momentum':
      return chain(trace(spec.beta), scale(-lr));
    case 'nesterov':
      return chain(trace(spec.beta, true), scale(-lr));
    case 'adam':
      return chain(scaleByAdam(spec.beta1, spec.beta2, spec.eps), scale(-lr));
    case 'rmsprop':
      return chain(scaleByRms(spec.rho, spec.eps), scale(-lr));
    case 'adagrad':
      return chain(scaleByRss(spec.eps), scale(-lr));
  }
}

/** Validates user-given hyperparameters into a full spec (defaults for the rest). */
export function optimizerSpec(name: string, params: Partial<Omit<OptimizerSpec, 'name'>> & { lr: number }): OptimizerSpec {
  if (!OPTIMIZER_NAMES.includes(name as OptimizerName)) {
    throw new UserError(`unknown optimizer "${name}": choose one of ${OPTIMIZER_NAMES.join(', ')}`);
  }
  const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
  const spec: OptimizerSpec = { ...OPTIMIZER_DEFAULTS, ...defined, name: name as OptimizerName, lr: params.lr };
  if (!(spec.lr > 0) || !Number.isFinite(spec.lr)) {
    throw new UserError(`learning rate must be a finite number > 0, got ${params.lr}: pass e.g. --lr 0.01`);
  }
  for (const k of ['beta', 'beta1', 'beta2', 'rho'] as const) {
    if (!(spec[k] >= 0 && spec[k] < 1)) throw new UserError(`--${k} must be in [0, 1), got ${spec[k]}`);
  }
  if (!(spec.eps > 0)) throw new UserError(`--eps must be > 0, got ${spec.eps}`);
  return spec;
}
