import { UserError } from '../../core/errors.ts';
import type { Box, Objective, ObjectiveFn } from './types.ts';

/**
 * A user's module exports its objective as `default` or `objective`: an object with at least
 * `f` (batched tfjs function [n, d] → [n]) and `dim`, optionally `box` (array of [lo, hi], or a
 * function of d), `name`, `title`, `formula`, `known`. Missing parts get neutral defaults; a box
 * can also come from --box.
 */
export function fromUserModule(mod: Record<string, unknown>, path: string): Objective {
  let raw = (mod.objective ?? mod.default ?? mod) as Record<string, unknown>;
  // A .ts file outside an ESM package compiles to CommonJS, whose exports arrive wrapped once more.
  if (raw && typeof raw === 'object' && !('f' in raw) && typeof raw.default === 'object') raw = raw.default as Record<string, unknown>;
  if (raw && typeof raw === 'object' && !('f' in raw) && typeof raw.objective === 'object') raw = raw.objective as Record<string, unknown>;
  const f = raw.f;
  if (typeof f !== 'function') {
    throw new UserError(`${path} must export an objective with a function f(x: Tensor2D) => Tensor1D (as default export or "objective")`);
  }
  const dim = raw.dim ?? 'any';
  if (dim !== 'any' && !(Number.isInteger(dim) && (dim as number) >= 1)) {
    throw new UserError(`${path}: dim must be a whole number ≥ 1 or 'any', got ${String(dim)}`);
  }
  const box = raw.box;
  const boxFn = (d: number): Box => {
    if (typeof box === 'function') return box(d) as Box;
    if (Array.isArray(box)) return box as Box;
    throw new UserError(`${path} exports no box: add --box -5,5 or export box: [[lo, hi], ...]`);
  };
  const title = typeof raw.title === 'string' ? raw.title : typeof raw.name === 'string' ? raw.name : path;
  return {
    name: typeof raw.name === 'string' ? raw.name : 'module',
    title,
    formula: typeof raw.formula === 'string' ? raw.formula : `tfjs code in ${path}`,
    dim: dim as number | 'any',
    defaultDim: typeof raw.defaultDim === 'number' ? raw.defaultDim : typeof dim === 'number' ? dim : 2,
    box: boxFn,
    f: f as ObjectiveFn,
    known: typeof raw.known === 'function' ? (raw.known as Objective['known']) : () => [],
    source: `user module ${path}`,
  };
}
