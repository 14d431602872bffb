import { splitFlat, type FlatRegion } from '../basins/flat.ts';
import type { Basin } from '../basins/types.ts';
import { BASIN_PALETTE, FLAT_COLOUR, OTHERS_COLOUR } from './palette.ts';

export interface BasinColours {
  /** Colour of each basin, indexed by basin id (merged basins get OTHERS_COLOUR). */
  colourOf: string[];
  /** Basins with a colour of their own, in id order (best f first), as the legend lists them. */
  shown: Basin[];
  /** What was merged into "others", when anything was. */
  others?: { basins: number; count: number; fraction: number };
  /** The plateau end points, all in FLAT_COLOUR, when there are any. */
  flat?: FlatRegion;
}

/**
 * Gives every basin a palette colour while there are few enough to tell apart; beyond that keeps
 * the global basins and then the largest ones (as many as the palette has colours), and merges
 * the rest into one "others" colour. Keeping the largest (not the best-f) basins is what keeps
 * most of the map's area readable. Plateau end points (flat.ts) share one colour of their own.
 */
export function basinColours(all: readonly Basin[], palette: readonly string[] = BASIN_PALETTE): BasinColours {
  const colourOf = new Array<string>(all.length).fill(OTHERS_COLOUR);
  const { basins, flat } = splitFlat({ basins: [...all] });
  if (flat) for (const id of flat.ids) colourOf[id] = FLAT_COLOUR;
  if (basins.length <= palette.length) {
    basins.forEach((b, k) => (colourOf[b.id] = palette[k]));
    return { colourOf, shown: basins, ...(flat ? { flat } : {}) };
  }
  const ranked = [...basins].sort((a, b) => Number(b.global) - Number(a.global) || b.count - a.count || a.id - b.id);
  const shown = ranked.slice(0, palette.length).sort((a, b) => a.id - b.id);
  shown.forEach((b, k) => (colourOf[b.id] = palette[k]));
  const merged = ranked.slice(palette.length);
  const count = merged.reduce((s, b) => s + b.count, 0);
  const fraction = merged.reduce((s, b) => s + b.fraction, 0);
  return { colourOf, shown, others: { basins: merged.length, count, fraction }, ...(flat ? { flat } : {}) };
}
