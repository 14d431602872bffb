import { join } from 'node:path';
import type { MapJob, MapJobResult } from '../job/map-job.ts';
import { basinMapPng } from '../plot/map-picture.ts';
import type { Plane } from '../plot/plane.ts';
import { writeFileAtomic } from './atomic.ts';
import { writeStartFiles, type StartFormat } from './start-files.ts';

export interface MapOutputOptions {
  formats: readonly StartFormat[];
  /** Draw basin-map.png over this plane (2-D maps and slices). */
  png?: { plane: Plane; size: { width: number; height: number } };
}

/**
 * The one writer of a map's outputs into dir: the per-start files, basin-map.png, and summary.json
 * last (its presence says the others are complete). Returns the paths written.
 */
export async function writeMapOutputs(dir: string, job: MapJob, r: MapJobResult, opts: MapOutputOptions): Promise<string[]> {
  const written = await writeStartFiles(dir, opts.formats, r.map.results, r.map.summary.outcome);
  if (opts.png) {
    const path = join(dir, 'basin-map.png');
    writeFileAtomic(path, await basinMapPng({ objective: job.objective, result: r.map, plane: opts.png.plane, descent: job.descent, starts: job.starts.describe, size: opts.png.size }));
    written.push(path);
  }
  const summary = join(dir, 'summary.json');
  writeFileAtomic(summary, JSON.stringify(r.summary, null, 2) + '\n');
  return [...written, summary];
}
