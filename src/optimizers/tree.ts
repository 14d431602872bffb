import type { Tensor } from '../tf.ts';

/**
 * Optimizer state is a tree (objects/arrays) whose tensor leaves are row-aligned with the batch
 * ([n, d], one row per start) and whose number leaves are shared by all rows (e.g. Adam's step
 * count). Row-alignment is what lets the driver drop finished starts by gathering rows.
 */
export type StateTree = Tensor | number | readonly StateTree[] | { readonly [k: string]: StateTree };

export function mapTensors<S extends StateTree>(tree: S, fn: (t: Tensor) => Tensor): S {
  return mapTree(tree, fn) as S;
}

function mapTree(tree: StateTree, fn: (t: Tensor) => Tensor): StateTree {
  if (typeof tree === 'number') return tree;
  if (isTensor(tree)) return fn(tree);
  if (Array.isArray(tree)) return tree.map((t) => mapTree(t, fn));
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, mapTree(v, fn)]));
}

export function tensorsOf(tree: StateTree): Tensor[] {
  const out: Tensor[] = [];
  mapTree(tree, (t) => (out.push(t), t));
  return out;
}

function isTensor(v: unknown): v is Tensor {
  return typeof v === 'object' && v !== null && 'dataId' in v && 'shape' in v;
}
