import { UserError } from '../../../core/errors.ts';
import { gridDims } from '../../saddles/grid-pairs.ts';
import type { StartSpec } from '../../starts/types.ts';

/**
 * The grid `map --saddles` searches from, checked: the search bisects between grid neighbours,
 * descends to minima, and draws the whole map, so it needs a grid, descent, and one whole run.
 */
export function saddleGrid(a: { saddles?: boolean; maximize: boolean; shard?: string }, spec: StartSpec, d: number): number[] | undefined {
  if (!a.saddles) return undefined;
  if (a.maximize) throw new UserError('--saddles finds the saddles between minima: drop --maximize (or negate f in the formula)');
  if (a.shard !== undefined) throw new UserError('--saddles needs the whole map in one run: drop --shard (or run map --saddles without shards)');
  const dims = gridDims(spec, d);
  if (!dims) throw new UserError(`--saddles bisects between neighbouring grid starts, but the starts come from ${spec.sampler}: use --sampler grid (--grid 200) or --slice`);
  return dims;
}
