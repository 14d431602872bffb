import type { MapJob, MapJobResult } from '../job/map-job.ts';
import { basinMapPng } from '../plot/basin-map-png.ts';
import type { Plane } from '../plot/plane.ts';
import { writeStartFiles, type FileSink, type StartFormat } from './start-files.ts';

export interface MapOutputOptions {
  formats: readonly StartFormat[];
  /** Draw basin-map.png over this plane (2-D maps and slices). */
  png?: { plane: Plane; size: { width: number; height: number } };
}

/**
 * The one writer of a map's outputs, into a sink (a RunDir: they appear together on its commit):
 * basin-map.png, the per-start files, and summary.json last. Returns the paths written.
 */
export async function writeMapOutputs(sink: FileSink, job: MapJob, r: MapJobResult, opts: MapOutputOptions): Promise<string[]> {
  const written: string[] = [];
  if (opts.png) {
    const png = await basinMapPng({ objective: job.objective, result: r.map, plane: opts.png.plane, descent: job.descent, starts: job.starts.describe, size: opts.png.size });
    written.push(await sink.write('basin-map.png', png));
  }
  written.push(...(await writeStartFiles(sink, opts.formats, r.map.results, r.map.summary.outcome)));
  written.push(await sink.write('summary.json', JSON.stringify(r.summary, null, 2) + '\n'));
  return written;
}
