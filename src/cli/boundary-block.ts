import type { BoundaryEntry } from '../job/boundary.ts';
import { formatBoundary } from '../science/format.ts';

/** The table's boundary block: the measures' five lines, or the one line saying why there are none. */
export function boundaryBlock(b: BoundaryEntry): string {
  return 'skipped' in b ? `boundary measures skipped: ${b.skipped}` : 'boundary\n' + formatBoundary(b).split('\n').map((l) => '  ' + l).join('\n');
}
