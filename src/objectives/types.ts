import type { Box } from '../../core/options.ts';
import type { OptimizerName } from '../../core/optimizers/index.ts';
import type { Tensor1D, Tensor2D } from '../../core/tf.ts';

/** Batched objective: rows of x are independent starts, the result has one value per row. */
export type ObjectiveFn = (x: Tensor2D) => Tensor1D;

export type { Box };

export type PointKind = 'minimum' | 'saddle' | 'maximum';

/** A known stationary point, with where the number comes from. */
export interface KnownPoint {
  kind: PointKind;
  x: number[];
  f: number;
  /** True for the global minimum (several when tied, e.g. Branin's three). */
  global?: boolean;
}

export interface Objective {
  /** Registry key, lower-case with dashes: `six-hump-camel`. */
  name: string;
  /** Display name: `Six-hump camel`. */
  title: string;
  /** The formula in words a reader recognises, in terms of x, y (2-D) or x_i (any d). */
  formula: string;
  /**
   * The same function as a mathjs expression in the variables x1..xd (or x for 1-D, x, y for 2-D),
   * so that the expression path and the fused kernels can be checked against this file.
   * Absent for user modules that are arbitrary tfjs code.
   */
  expression?: (d: number) => string;
  /** A fixed dimension, or 'any' for functions defined for every d ≥ 1. */
  dim: number | 'any';
  /** Dimension used when the user gives none (only meaningful for dim 'any'). */
  defaultDim: number;
  /** The usual search box for dimension d. */
  box: (d: number) => Box;
  /** The batched tfjs graph. */
  f: ObjectiveFn;
  /** Every known minimum for dimension d (global ones flagged), and known saddles/maxima where listed. Empty when unknown for this d. */
  known: (d: number) => KnownPoint[];
  /** Citation for the formula and the numbers. */
  source: string;
  /**
   * The variables' names as the user wrote them, one per axis (a formula in x and y: ['x', 'y']):
   * pictures name their axes so. Absent: x1..xd (variableNames).
   */
  variables?: string[];
  /** Optional remarks a user should know (plateaus, non-smooth points...). */
  notes?: string;
  /**
   * Descent settings under which (nearly) every start of the box converges, where the CLI's
   * defaults (gd, lr 0.01, 1000 iterations) do not: `map` and `trace` use them for the options
   * the user leaves unset, and say so. `why` gives the reason and what was measured.
   */
  suggested?: SuggestedDescent;
  /**
   * Names of parameters the expression uses (a formula with --param): they are the last columns
   * of x, after the d − params.length free variables, and the descent keeps them frozen.
   */
  params?: readonly string[];
}

export interface SuggestedDescent {
  /** Default gd. The lr and maxIter below apply only when this optimizer runs. */
  optimizer?: OptimizerName;
  /** Unset: lr auto (for gd, with its line search), which scales with d by construction. */
  lr?: number;
  maxIter?: number;
  why: string;
}
