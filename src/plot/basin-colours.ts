import type { Basin } from '../basins/types.ts';
import { BASIN_PALETTE, OTHERS_COLOUR } from './palette.ts';

export interface BasinColours {
  /** Colour of each basin, indexed by basin id (merged basins get OTHERS_COLOUR). */
  colourOf: string[];
  /** Basins with a colour of their own, in id order (best f first), as the legend lists them. */
  shown: Basin[];
  /** What was merged into "others", when anything was. */
  others?: { basins: number; count: number; fraction: number };
}

/**
 * Gives every basin a palette colour while there are few enough to tell apart; beyond that keeps
 * the global basins and then the largest ones, and merges the rest into one "others" colour.
 * Keeping the largest (not the best-f) basins is what keeps most of the map's area readable.
 */
export function basinColours(basins: readonly Basin[], palette: readonly string[] = BASIN_PALETTE): BasinColours {
  const colourOf = new Array<string>(basins.length).fill(OTHERS_COLOUR);
  if (basins.length <= palette.length) {
    basins.forEach((b, k) => (colourOf[b.id] = palette[k]));
    return { colourOf, shown: [...basins] };
  }
  const slots = palette.length - 1; // one legend row goes to "others"
  const ranked = [...basins].sort((a, b) => Number(b.global) - Number(a.global) || b.count - a.count || a.id - b.id);
  const shown = ranked.slice(0, slots).sort((a, b) => a.id - b.id);
  shown.forEach((b, k) => (colourOf[b.id] = palette[k]));
  const merged = ranked.slice(slots);
  const count = merged.reduce((s, b) => s + b.count, 0);
  const fraction = merged.reduce((s, b) => s + b.fraction, 0);
  return { colourOf, shown, others: { basins: merged.length, count, fraction } };
}
