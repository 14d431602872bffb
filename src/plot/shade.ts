import { convergenceTimes } from '../science/convergence.ts';
import { rgbOf } from './palette.ts';

/** How far the slowest start of a basin is lightened towards white: still its basin's hue, clearly paler. */
export const SHADE_MAX = 0.75;

/** What the basin map can shade its starts by: nothing, or their iterations to converge. */
export const SHADE_CHOICES = ['none', 'nit'] as const;
export type ShadeChoice = (typeof SHADE_CHOICES)[number];

/**
 * Attractors.jl's shaded heat map: each converged start in its basin's colour, lightened by how
 * many iterations it took (lighter = slower). The scale is per basin and logarithmic, from the
 * basin's fewest iterations (its own colour) to its most (SHADE_MAX towards white): iteration
 * counts span decades near a boundary, and a per-basin scale keeps a fast basin from looking
 * uniformly dark next to a slow one. Starts with no basin keep their grey.
 */
export function shadeByIterations(colour: readonly string[], outcome: Int32Array, nit: Int32Array): string[] {
  const range = new Map(convergenceTimes(outcome, nit).basins.map((b) => [b.basin, [Math.log(b.min + 1), Math.log(b.max + 1)] as const]));
  return colour.map((c, i) => {
    const r = range.get(outcome[i]);
    if (!r || r[1] === r[0]) return c;
    return lighten(c, (SHADE_MAX * (Math.log(nit[i] + 1) - r[0])) / (r[1] - r[0]));
  });
}

/** '#rrggbb' moved a fraction t of the way to white. */
export function lighten(hex: string, t: number): string {
  return '#' + rgbOf(hex).map((v) => Math.round(v + (255 - v) * t).toString(16).padStart(2, '0')).join('');
}
