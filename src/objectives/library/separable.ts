import type { KnownPoint } from '../types.ts';

/** A stationary point of the one-variable term g in f(x) = g(x_1) + ... + g(x_d). */
export interface Stationary1D {
  x: number;
  g: number;
  kind: 'minimum' | 'maximum';
}

/**
 * Stationary points of a sum-separable function, built from those of its one-variable term.
 * The Hessian is diagonal, so a product point is a minimum when every coordinate sits at a 1-D
 * minimum, a maximum when every one sits at a 1-D maximum, and a saddle otherwise. The full set
 * grows like (table size)^d, so it is listed only while it stays below `limit` points; past that
 * only the minima, and past that only the global minimum (still exact: it is the product of the
 * 1-D global minima).
 */
export function separableKnown(table: readonly Stationary1D[], d: number, limit = 1000): KnownPoint[] {
  const minima = table.filter((p) => p.kind === 'minimum');
  const best = Math.min(...minima.map((p) => p.g));
  const lowest = minima.filter((p) => p.g === best);
  const axis = table.length ** d <= limit ? table : minima.length ** d <= limit ? minima : lowest;
  const points: KnownPoint[] = [];
  for (const combo of product(axis, d)) {
    const maxima = combo.filter((p) => p.kind === 'maximum').length;
    const kind = maxima === 0 ? 'minimum' : maxima === d ? 'maximum' : 'saddle';
    const point: KnownPoint = { kind, x: combo.map((p) => p.x), f: combo.reduce((s, p) => s + p.g, 0) };
    if (combo.every((p) => lowest.includes(p))) point.global = true;
    points.push(point);
  }
  return points;
}

function* product<T>(items: readonly T[], d: number): Generator<T[]> {
  if (d === 0) {
    yield [];
    return;
  }
  for (const head of items) for (const rest of product(items, d - 1)) yield [head, ...rest];
}
