import { schemeTableau10 } from 'd3-scale-chromatic';

/**
 * Basin colours: Tableau 10 without its grey (grey means "did not converge" here), then eleven
 * colours picked to stay apart from those nine and from each other, dark and light alternating so
 * that neighbouring basins with consecutive ids still contrast. Beyond these, basins are merged
 * into OTHERS_COLOUR: more hues than this cannot be told apart reliably.
 */
export const BASIN_PALETTE: readonly string[] = [
  ...schemeTableau10.filter((c) => c !== '#bab0ab'),
  '#a0cbe8',
  '#b6992d',
  '#d37295',
  '#8cd17d',
  '#1f3a68',
  '#ffbe7d',
  '#6a3d9a',
  '#d4a6c8',
  '#499894',
  '#8b2c1e',
  '#17becf',
];

/** Merged basins beyond the palette: a pale cream, apart from every basin colour and both greys. */
export const OTHERS_COLOUR = '#f1e9d2';
/** Starts that stopped on a plateau (the flat region, basins/flat.ts): pale lavender, apart from the rest. */
export const FLAT_COLOUR = '#e3d7f0';
/** Starts still descending at the iteration limit (or interrupted): light grey. */
export const NOT_CONVERGED_COLOUR = '#d9d9d9';
/** Starts that diverged (non-finite, or escaped the box): dark grey, distinct from the light one. */
export const DIVERGED_COLOUR = '#6e6e6e';

/** '#rrggbb' as [r, g, b] bytes. */
export function rgbOf(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}
