import { UserError } from '../../core/errors.ts';
import type { Box } from '../objectives/types.ts';
import { SAMPLER_NAMES, type SamplerName, type StartSet, type StartSpec } from './types.ts';
import { checkBox, checkCount, checkSeed } from './validate.ts';
import { gridStartSet } from './grid.ts';
import { uniformStartSet } from './uniform.ts';
import { lhsStartSet } from './lhs.ts';
import { sobolStartSet } from './sobol.ts';
import { haltonStartSet } from './halton.ts';
import { fileStartSet } from './file.ts';

export { SAMPLER_NAMES };
export type { SamplerName, StartSet, StartSpec };
export { SOBOL_MAX_DIM } from './sobol-directions.ts';
export { MAX_STARTS } from './validate.ts';

/**
 * The starts for a run. Every sampler but 'file' is synchronous and builds row i from
 * (spec, box, i) alone; 'file' returns a promise because it reads the file.
 */
export function makeStartSet(spec: StartSpec, box: Box): StartSet | Promise<StartSet> {
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
      return fileStartSet(spec.file, spec.n, box);
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
