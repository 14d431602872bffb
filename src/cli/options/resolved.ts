import type { Box } from '../../objectives/types.ts';
import type { StartSpec } from '../../starts/types.ts';

export interface MapChoices {
  backend: string;
  chunkRows: number;
  d: number;
  box: Box;
  spec: StartSpec;
}

/**
 * What `map` chose for options left unset, written back as those options (see resolvedConfig):
 * the backend (the fastest here, which differs between machines), the batch size, the dimension,
 * the box and the start set, so a recorded config does not depend on today's defaults.
 */
export function mapChoicesAsOptions(c: MapChoices): Record<string, unknown> {
  const starts: Record<string, unknown> = c.spec.sampler === 'file'
    ? {}
    : { sampler: c.spec.sampler, n: c.spec.n ?? null, grid: c.spec.gridCounts?.join('x') ?? null, seed: c.spec.seed ?? 0 };
  return { backend: c.backend, chunk: c.chunkRows, dim: c.d, box: c.box.flat().join(','), ...starts };
}
