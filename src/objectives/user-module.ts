import { UserError } from '../../core/errors.ts';
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../../core/tf.ts';
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
    f: guarded(f as (x: Tensor2D) => unknown, path),
    known: typeof raw.known === 'function' ? (raw.known as Objective['known']) : () => [],
    source: `user module ${path}`,
  };
}

/**
 * The user's f, checked at every call: what it returns must be a tensor of one value per row,
 * and a throw inside it is the module's problem, said in one line (tfjs and its wasm backend would
 * otherwise surface it as a stack trace from deep inside a gradient).
 */
function guarded(f: (x: Tensor2D) => unknown, path: string): ObjectiveFn {
  return (x) => {
    let y: unknown;
    try {
      y = f(x);
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError(`f in ${path} threw on a [${x.shape.join(', ')}] batch: ${firstLine(e)}: fix f (it must accept any [n, d] batch)`);
    }
    return checked(y, x, path);
  };
}

function checked(y: unknown, x: Tensor2D, path: string): Tensor1D {
  const [n, d] = x.shape;
  if (y && typeof (y as Promise<unknown>).then === 'function') {
    throw new UserError(`f in ${path} returned a Promise: f must compute with tfjs ops and return the tensor itself (no async, no await)`);
  }
  if (!isTensor(y)) {
    const what = y === null ? 'null' : typeof y === 'object' ? 'an object' : `the ${typeof y} ${String(y).slice(0, 20)}`;
    throw new UserError(`f in ${path} returned ${what}, not a tensor: it must return a Tensor1D of one value per row of x (shape [${n}])`);
  }
  if (y.rank !== 1 || y.shape[0] !== n) {
    throw new UserError(`f in ${path} returned shape [${y.shape.join(', ')}] for a [${n}, ${d}] batch: it must return one value per row, shape [${n}] (sum over axis 1, e.g. tf.sum(t, 1))`);
  }
  return y as Tensor1D;
}

function isTensor(v: unknown): v is Tensor {
  return typeof v === 'object' && v !== null && 'dataId' in v && Array.isArray((v as Tensor).shape);
}

/**
 * f and its gradient on two points of the box, before any work starts: a module whose f throws,
 * returns the wrong shape or cannot be differentiated by tfjs fails now, in one line, instead of
 * after the backend and engine are set up, or deep inside a run.
 */
export function probeUserFunction(o: Objective, d: number, box: Box, path: string): void {
  tf.tidy(() => {
    const rows = [box.map(([lo, hi]) => (lo + hi) / 2), box.map(([lo, hi]) => lo + 0.3 * (hi - lo))];
    const x = tf.tensor2d(rows.flat(), [2, d]);
    o.f(x);
    try {
      tf.grad((v: Tensor) => tf.sum(o.f(v as Tensor2D)))(x);
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError(`tfjs cannot differentiate f in ${path}: ${firstLine(e)}: build f from tfjs ops that have gradients`);
    }
  });
}

function firstLine(e: unknown): string {
  const text = String((e as Error)?.message ?? e).split('\n').find((l) => l.trim() !== '') ?? '';
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}
