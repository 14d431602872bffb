import type { Transform } from './transform.ts';

/** Hyperparameters an optimizer may take besides lr; each optimizer declares the ones it uses. */
export type HyperName = 'beta' | 'beta1' | 'beta2' | 'rho' | 'eps';

export interface HyperParam {
  default: number;
  /** What the flag means, for --help. */
  describe: string;
  /** Valid values: [0, 1) for decays, (0, ∞) for ε. */
  range: 'unit' | 'positive';
}

/**
 * A named optimizer: its rule in words with its source, the hyperparameters it takes, and how it
 * is made from transforms (a chain ending in scale(−lr)). One file per optimizer defines one.
 */
export interface OptimizerDef<N extends string = string> {
  name: N;
  /** The update rule, as the docs and --help show it. */
  rule: string;
  source: string;
  params: Partial<Record<HyperName, HyperParam>>;
  make(p: { lr: number } & Record<HyperName, number>): Transform;
}

export function defineOptimizer<const N extends string>(def: OptimizerDef<N>): OptimizerDef<N> {
  return def;
}

export const decay = (def: number, describe: string): HyperParam => ({ default: def, describe, range: 'unit' });
export const guard = (def: number): HyperParam => ({ default: def, describe: 'denominator guard ε', range: 'positive' });
