import type { Box } from '../objectives/types.ts';
import { SAMPLER_NAMES, type SamplerName, type StartSet, type StartSpec } from './types.ts';
import { fileStartSet } from './file.ts';
import { sampleStarts } from './sample.ts';

export { sampleStarts, SAMPLER_NAMES };
export type { SamplerName, StartSet, StartSpec };
export { SOBOL_MAX_DIM } from './sobol-directions.ts';
export { MAX_STARTS } from './validate.ts';

/**
 * The starts for a run. Every sampler but 'file' is synchronous and builds row i from
 * (spec, box, i) alone; 'file' returns a promise because it reads the file.
 */
export function makeStartSet(spec: StartSpec, box: Box): StartSet | Promise<StartSet> {
  return spec.sampler === 'file' ? fileStartSet(spec.file, spec.n, box, spec.where) : sampleStarts(spec, box);
}
