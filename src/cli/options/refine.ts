import { UserError } from '../../../core/errors.ts';
import type { Box } from '../../../core/options.ts';
import { fieldDims, MAX_FIELD_CELLS } from '../../refine/quadtree.ts';
import type { RefineRequest } from '../../refine/refine.ts';
import type { StartSpec } from '../../starts/types.ts';

export interface RefineArgs {
  refine: number;
  slice?: string;
  shard?: string;
  resume?: boolean;
  saddles?: boolean;
}

/**
 * --refine K as the map job's request, or undefined for K = 0; one line naming the problem when
 * the map cannot be refined (it needs the whole 2-D grid in one run).
 */
export function refineFromArgs(a: RefineArgs, spec: StartSpec, box: Box): RefineRequest | undefined {
  const k = a.refine;
  if (!(Number.isInteger(k) && k >= 0)) throw new UserError(`--refine must be a whole number of rounds ≥ 0, got ${k}`);
  if (k === 0) return undefined;
  const fix = 'map a 2-D grid, e.g. --grid 100x100, or drop --refine';
  if (box.length !== 2 || a.slice !== undefined) throw new UserError(`--refine refines 2-D grid maps only, not ${a.slice !== undefined ? 'a slice' : `${box.length}-D`}: ${fix}`);
  if (spec.sampler !== 'grid') throw new UserError(`--refine needs grid starts, not --sampler ${spec.sampler}: ${fix}`);
  if (a.shard !== undefined || a.resume) throw new UserError(`--refine needs the whole grid in one run: drop ${a.shard !== undefined ? '--shard' : '--resume'} or --refine`);
  if (a.saddles) throw new UserError('--refine cannot be combined with --saddles yet: the saddle search reads the coarse grid; run them separately');
  const g = spec.gridCounts ?? [];
  const counts: [number, number] = [g[0], g[g.length === 1 ? 0 : 1]];
  if (!(counts[0] >= 2 && counts[1] >= 2)) throw new UserError(`--refine needs at least 2 grid points per axis, got ${counts.join('x')}: ${fix}`);
  const [w, h] = fieldDims({ counts, box }, k);
  if (w * h > MAX_FIELD_CELLS) throw new UserError(`--refine ${k} on a ${counts.join('x')} grid means a ${w}x${h} field, over ${MAX_FIELD_CELLS.toLocaleString('en')} cells: use fewer rounds or a coarser grid`);
  return { grid: { counts, box }, rounds: k };
}
