import type { DescentOptions } from '../../core/options.ts';
import type { MapResult } from '../map.ts';
import type { Objective } from '../objectives/types.ts';
import type { BasinMapInput } from './basin-map.ts';
import type { BasinStripInput } from './basin-strip.ts';
import { sampleCurve, sampleField } from './field.ts';
import { describeEndPoints } from '../basins/flat.ts';
import { formatOptimizer } from './format.ts';
import type { Plane } from './plane.ts';

export interface MapPictureRequest {
  objective: Objective;
  /** The starts (only their starting points are drawn) and the basins they reached. */
  result: { results: Pick<MapResult['results'], 'n' | 'd' | 'x0'>; summary: MapResult['summary'] };
  /** The plane drawn (2-D maps and slices); none for a 1-D map, drawn as a curve over a strip (basinStripInput). */
  plane?: Plane;
  descent: DescentOptions;
  /** The start set's one-line description, for the subtitle. */
  starts: string;
  size?: { width: number; height: number };
  /** Iterations per start, to shade the map by (--shade nit). */
  shadeNit?: Int32Array;
  /** Saddles to mark with ×. */
  saddles?: BasinMapInput['saddles'];
}

// f on 240 × 240 points: contours smooth to about 3 px on a 900 px canvas, for 57,600 evaluations.
const FIELD_POINTS = 240;

/** What basin-map.png (and the explore page's map) draws for a finished map: f over the plane for contours, titles. */
export async function basinMapInput(req: MapPictureRequest): Promise<BasinMapInput> {
  if (!req.plane) throw new RangeError('basinMapInput needs a plane: a 1-D map is drawn by basinStripInput');
  const field = await sampleField(req.objective.f, req.plane, FIELD_POINTS, FIELD_POINTS);
  return { results: req.result.results, summary: req.result.summary, plane: req.plane, field, shadeNit: req.shadeNit, ...titles(req), saddles: req.saddles, ...req.size };
}

// f at 1,000 points: under 1 px apart on a 900 px canvas.
const CURVE_POINTS = 1000;

/** What the 1-D basin map draws: f along the box for the curve, the strip of starts, titles. */
export async function basinStripInput(req: MapPictureRequest): Promise<BasinStripInput> {
  const range = req.descent.box[0];
  const curve = await sampleCurve(req.objective.f, range, CURVE_POINTS);
  const name = req.objective.variables?.[0] ?? 'x';
  return { results: req.result.results, summary: req.result.summary, range: [range[0], range[1]], curve, name, ...titles(req), ...req.size };
}

function titles(req: MapPictureRequest): { title: string; subtitle: string } {
  const o = req.descent.optimizer;
  return {
    title: `${req.objective.title}: basins of attraction${req.descent.sense === 'max' ? ' of the maxima' : ''}`,
    // Settings first: a long start description is what gets cut when the line is too long.
    subtitle: `${formatOptimizer(o)}, at most ${req.descent.maxIter} iterations; ${describeEndPoints(req.result.summary)}; ${req.starts}`,
  };
}
