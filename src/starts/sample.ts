import { UserError } from '../../core/errors.ts';
import type { Box } from '../objectives/types.ts';
import { SAMPLER_NAMES, type SamplerName, type StartSet, type StartSpec } from './types.ts';
import { checkBox, checkCount, checkSeed } from './validate.ts';
import { gridStartSet } from './grid.ts';
import { uniformStartSet } from './uniform.ts';
import { lhsStartSet } from './lhs.ts';
import { sobolStartSet } from './sobol.ts';
import { haltonStartSet } from './halton.ts';

/**
 * The starts of a sampler (every one but 'file', which reads a file: src/starts/index.ts). Row i
 * is built from (spec, box, i) alone, so a sweep split across machines reproduces it exactly.
 */
export function sampleStarts(spec: StartSpec, box: Box): StartSet {
  checkBox(box);
  const name = spec.sampler as string;
  if (!(SAMPLER_NAMES as readonly string[]).includes(name)) {
    throw new UserError(`unknown sampler '${name}'; choose one of ${SAMPLER_NAMES.join(', ')}`);
  }
  const seed = checkSeed(spec.seed);
  switch (spec.sampler) {
    case 'grid':
      return gridStartSet(spec.gridCounts, spec.n === undefined ? undefined : checkCount(spec.n), box);
    case 'file':
      throw new UserError('starts from a file are read by makeStartSet (src/starts/index.ts), not by the samplers');
    default: {
      if (spec.n === undefined) throw new UserError(`sampler ${spec.sampler} needs n, the number of starts; give e.g. n = 10000`);
      const n = checkCount(spec.n);
      if (spec.sampler === 'uniform') return uniformStartSet(n, seed, box);
      if (spec.sampler === 'lhs') return lhsStartSet(n, seed, box);
      if (spec.sampler === 'sobol') return sobolStartSet(n, seed, box);
      return haltonStartSet(n, seed, box);
    }
  }
}
