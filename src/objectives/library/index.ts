import type { Objective } from '../types.ts';
import { himmelblau } from './himmelblau.ts';

/** The built-in test functions, in the order `basinmap functions` lists them. */
export const LIBRARY: readonly Objective[] = [himmelblau];

export function findLibraryFunction(name: string): Objective | undefined {
  const key = name.toLowerCase().replace(/[\s_]+/g, '-');
  return LIBRARY.find((o) => o.name === key);
}
