import type { Basin, BasinSummary } from './types.ts';

/** The plateau end points of a map taken together: one entry in every report instead of thousands. */
export interface FlatRegion {
  /** How many end points (clusters) lie on plateaus. */
  endPoints: number;
  /** Starts that stopped on a plateau, and their share of all starts. */
  count: number;
  fraction: number;
  /** Range of f over those end points. */
  f: { min: number; max: number };
  /** Their basin ids (the `basin` column of the per-start files), ascending. */
  ids: number[];
}

/**
 * The basins a report lists one by one, and the plateau ones (Basin.flat, set by classifyBasins)
 * grouped into one flat region: on Easom, ~10,000 one-start end points where gradient descent
 * stopped because f is flat, not because it found anything. Every report (table, summary.json,
 * picture legend) groups through here, so they agree.
 */
export function splitFlat(s: Pick<BasinSummary, 'basins'>): { basins: Basin[]; flat?: FlatRegion } {
  const basins = s.basins.filter((b) => !b.flat);
  const flat = s.basins.filter((b) => b.flat);
  if (flat.length === 0) return { basins };
  const count = flat.reduce((a, b) => a + b.count, 0);
  const fraction = flat.reduce((a, b) => a + b.fraction, 0);
  let [min, max] = [Infinity, -Infinity];
  for (const b of flat) [min, max] = [Math.min(min, b.f), Math.max(max, b.f)];
  return { basins, flat: { endPoints: flat.length, count, fraction, f: { min, max }, ids: flat.map((b) => b.id) } };
}

/** "minima" for 2 minima: the plural of a kind of point (minimum, maximum, saddle, degenerate...). */
export function pluralKind(kind: string, count: number): string {
  const noun = kind === 'degenerate' ? 'degenerate point' : kind;
  if (count === 1) return noun;
  return noun === 'minimum' ? 'minima' : noun === 'maximum' ? 'maxima' : `${noun}s`;
}

/**
 * What the end points are, in words, for the table's last line and the picture's subtitle:
 * "4 minima, 1 saddle" or "1 minimum, 1 flat region (9,991 end points)"; plateaus are counted
 * as one flat region, and the plurals agree with the counts.
 */
export function describeEndPoints(s: Pick<BasinSummary, 'basins'>): string {
  const { basins, flat } = splitFlat(s);
  const kinds = new Map<string, number>();
  for (const b of basins) kinds.set(b.kind ?? 'unclassified', (kinds.get(b.kind ?? 'unclassified') ?? 0) + 1);
  const parts = [...kinds].map(([k, c]) => `${c.toLocaleString('en')} ${pluralKind(k === 'unclassified' ? 'unclassified end point' : k, c)}`);
  if (flat) parts.push(`1 flat region (${flat.endPoints.toLocaleString('en')} ${flat.endPoints === 1 ? 'end point' : 'end points'})`);
  return parts.length > 0 ? parts.join(', ') : 'no end points';
}

/** "best found; the known global minimum f* = 0 at (0, 0) was not reached", or undefined when it was (or none is listed). */
export function unreachedGlobalNote(s: Pick<BasinSummary, 'knownGlobal'>, format: (v: number) => string = String): string | undefined {
  const g = s.knownGlobal;
  if (!g || g.reached) return undefined;
  return `best found; the known global minimum f* = ${format(g.f)} at (${g.x.map(format).join(', ')}) was not reached`;
}
