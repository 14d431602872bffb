import { UserError } from '../errors.ts';
import { numberOps } from '../number-ops.ts';
import { adagrad } from './adagrad.ts';
import { adam } from './adam.ts';
import type { HyperName, OptimizerDef } from './define.ts';
import { gd } from './gd.ts';
import { armijo, armijoMaxStep } from './line-search.ts';
import { lion } from './lion.ts';
import { momentum } from './momentum.ts';
import { nadam } from './nadam.ts';
import { nesterov } from './nesterov.ts';
import { rmsprop } from './rmsprop.ts';
import type { Transform } from './transform.ts';

export type { HyperName, HyperParam, OptimizerDef } from './define.ts';
export type { Transform } from './transform.ts';

/** Every named optimizer, in the order help lists them. Registering one is adding it here. */
export const OPTIMIZERS = [gd, momentum, nesterov, adam, rmsprop, adagrad, nadam, lion] as const;

export type OptimizerName = (typeof OPTIMIZERS)[number]['name'];
export const OPTIMIZER_NAMES: readonly OptimizerName[] = OPTIMIZERS.map((o) => o.name);
export const HYPER_NAMES: readonly HyperName[] = ['beta', 'beta1', 'beta2', 'rho', 'eps'];

/**
 * An optimizer as data: its name, lr, and the hyperparameters it takes (only those, each set),
 * so that "adam with lr 0.01" means the same update on every engine and in summary.json.
 */
export type OptimizerSpec = { name: OptimizerName; lr: number; lineSearch?: LineSearch } & Partial<Record<HyperName, number>>;

/** 'armijo': gd with a per-start backtracking line search (line-search.ts); lr is its first step. */
export type LineSearch = 'none' | 'armijo';
export const LINE_SEARCHES: readonly LineSearch[] = ['none', 'armijo'];

export function optimizerDef(name: string): OptimizerDef | undefined {
  return OPTIMIZERS.find((o) => o.name === name);
}

/**
 * The transform an optimizer spec names: its chain of transforms, ending in scale(−lr), or the
 * line search, whose longest trial step comes from the box.
 */
export function makeOptimizer(spec: OptimizerSpec, box?: ReadonlyArray<readonly [number, number]>): Transform {
  const def = optimizerDef(spec.name);
  if (!def) throw new UserError(unknown(spec.name));
  if (spec.lineSearch === 'armijo') {
    if (!box) throw new Error('the armijo line search needs the box (its longest trial step)');
    return armijo({ lr: spec.lr, maxStep: armijoMaxStep(box) });
  }
  const params = Object.fromEntries(HYPER_NAMES.map((k) => [k, spec[k] ?? def.params[k]?.default ?? NaN]));
  return def.make({ lr: spec.lr, ...(params as Record<HyperName, number>) });
}

/**
 * Validates user-given hyperparameters into a full spec: the optimizer's own defaults for the ones
 * it takes and the caller left unset; ones it does not take are dropped.
 */
export function optimizerSpec(name: string, params: Partial<Record<HyperName, number | undefined>> & { lr: number; lineSearch?: string }): OptimizerSpec {
  const def = optimizerDef(name);
  if (!def) throw new UserError(unknown(name));
  if (!(params.lr > 0) || !Number.isFinite(params.lr)) {
    throw new UserError(`learning rate must be a finite number > 0, got ${params.lr}: pass e.g. --lr 0.01`);
  }
  const spec: OptimizerSpec = { name: def.name as OptimizerName, lr: params.lr };
  // Unset stays unset (not 'none'): lr auto picks the line search for gd unless the user said no.
  const ls = params.lineSearch;
  if (ls !== undefined) {
    if (!(LINE_SEARCHES as readonly string[]).includes(ls)) throw new UserError(`--line-search must be one of ${LINE_SEARCHES.join(', ')}, got ${JSON.stringify(ls)}`);
    // Adaptive optimizers already scale their steps per coordinate; momentum's steps are not along −∇f.
    if (ls === 'armijo' && def.name !== 'gd') throw new UserError(`--line-search armijo works with --optimizer gd, not ${def.name}: drop --line-search or use --optimizer gd`);
    spec.lineSearch = ls as LineSearch;
  }
  for (const k of HYPER_NAMES) {
    const p = def.params[k];
    if (!p) continue;
    const v = params[k] ?? p.default;
    const ok = p.range === 'unit' ? v >= 0 && v < 1 : v > 0 && Number.isFinite(v);
    if (!ok) throw new UserError(`--${k} must be ${p.range === 'unit' ? 'in [0, 1)' : 'a finite number > 0'}, got ${v}`);
    spec[k] = v;
  }
  return spec;
}

/** "gd lr=0.01", or "gd lr=0.0037, armijo line search" (lr is then the first trial step). */
export function optimizerLabel(o: Pick<OptimizerSpec, 'name' | 'lr' | 'lineSearch'>): string {
  return `${o.name} lr=${o.lr}${o.lineSearch === 'armijo' ? ', armijo line search (lr is the first step)' : ''}`;
}

/** Per-coordinate state vectors the optimizer keeps: the length of its init (pure, so counted on numbers). */
export function stateCount(t: Transform): number {
  return t.init(COUNTING, 0).length;
}

const unknown = (name: string) => `unknown optimizer "${name}": choose one of ${OPTIMIZER_NAMES.join(', ')}`;
const COUNTING = numberOps();
