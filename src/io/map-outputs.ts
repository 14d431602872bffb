import type { DescentOptions } from '../../core/options.ts';
import type { StartResults } from '../../core/results.ts';
import type { BasinSummary } from '../basins/types.ts';
import type { MapJob, MapJobResult } from '../job/map-job.ts';
import type { Objective } from '../objectives/types.ts';
import { basinMapPng } from '../plot/basin-map-png.ts';
import type { Plane } from '../plot/plane.ts';
import type { ShadeChoice } from '../plot/shade.ts';
import { refinedPicture } from '../refine/picture.ts';
import { describeRefinement } from '../refine/record.ts';
import type { Refinement } from '../refine/refine.ts';
import type { SaddleReport } from '../saddles/types.ts';
import { writeSaddleFiles } from './saddle-files.ts';
import { writeStartFiles, type FileSink, type StartFormat } from './start-files.ts';
import { rowsInMemory, type ResultRows } from './start-rows.ts';

export interface MapOutputOptions {
  formats: readonly StartFormat[];
  /** Draw basin-map.png over this plane (2-D maps and slices), or with none as a 1-D map's curve and strip. */
  png?: { plane?: Plane; size: { width: number; height: number }; shade?: ShadeChoice };
  /** Number of the first start (a shard's rows keep the numbers of the whole sweep); default 0. */
  firstStart?: number;
}

/** The starting points (and, for --shade nit, the iterations) of every start, for the picture. */
type StartPoints = Pick<StartResults, 'n' | 'd' | 'x0' | 'nit'>;

/** What a map's outputs are made of, wherever the results come from (one run, or a merge of shards). */
export interface MapOutputContent {
  objective: Objective;
  descent: DescentOptions;
  /** The start set's one-line description. */
  starts: string;
  summary: BasinSummary;
  /** Every start's results and outcome, in start order. */
  rows: ResultRows;
  /** The starting points, for the picture; asked for only when one is drawn. */
  startPoints(): Promise<StartPoints> | StartPoints;
  /** summary.json's content. */
  document: Record<string, unknown>;
  /** A refined map (--refine): the picture draws its field at the finest resolution. */
  refined?: Pick<Refinement, 'grid' | 'field'>;
  /** Saddles between the minima (map --saddles): saddles.json, disconnectivity.png, × on the map. */
  saddles?: SaddleReport;
}

/**
 * The one writer of a map's outputs, into a sink (a RunDir: they appear together on its commit):
 * basin-map.png, saddles.json and disconnectivity.png (with saddles), the per-start files, and summary.json last. Returns the paths written.
 */
export async function writeMapContent(sink: FileSink, c: MapOutputContent, opts: MapOutputOptions): Promise<string[]> {
  const written: string[] = [];
  if (opts.png) {
    const points = await c.startPoints();
    const picture = c.refined ? refinedPicture(c.refined.grid, c.refined.field, c.summary, points.nit) : { results: points, summary: c.summary };
    const shadeNit = opts.png.shade === 'nit' ? picture.results.nit : undefined;
    const png = await basinMapPng({ objective: c.objective, result: picture, plane: opts.png.plane, descent: c.descent, starts: c.starts, size: opts.png.size, shadeNit, saddles: c.saddles?.saddles });
    written.push(await sink.write('basin-map.png', png));
  }
  if (c.saddles) written.push(...(await writeSaddleFiles(sink, c.objective, c.summary, c.saddles)));
  written.push(...(await writeStartFiles(sink, opts.formats, c.rows)));
  written.push(await sink.write('summary.json', JSON.stringify(c.document, null, 2) + '\n'));
  return written;
}

/** writeMapContent for a run held in memory (runMapJob's result). */
export async function writeMapOutputs(sink: FileSink, job: MapJob, r: MapJobResult, opts: MapOutputOptions): Promise<string[]> {
  const { results, summary } = r.map;
  return writeMapContent(sink, {
    objective: job.objective,
    descent: job.descent,
    starts: r.map.refined ? describeRefinement(r.map.refined, results.n) : job.starts.describe,
    summary,
    rows: rowsInMemory(results, summary.outcome, opts.firstStart),
    startPoints: () => results,
    document: r.summary,
    refined: r.map.refined,
    saddles: r.saddles,
  }, opts);
}
