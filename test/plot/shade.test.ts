import { loadImage, createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { mapBasins, type MapResult } from '../../src/map.ts';
import { himmelblau } from '../../src/objectives/library/himmelblau.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { basinMapColours, basinMapFrame } from '../../src/plot/basin-map.ts';
import { renderBasinMap } from '../../src/plot/basin-map-png.ts';
import { rgbOf } from '../../src/plot/palette.ts';
import { planeOf } from '../../src/plot/plane.ts';
import { lighten, SHADE_MAX, shadeByIterations } from '../../src/plot/shade.ts';
import { gridStartSet } from '../../src/starts/grid.ts';

const box = himmelblau.box(2);
const plane = planeOf(box);
const size = { width: 880, height: 720 };
let result: MapResult;

beforeAll(async () => {
  await useBackend('cpu');
  const starts = gridStartSet([60], undefined, box);
  const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.01 }), box, sense: 'min' as const };
  result = await mapBasins({ objective: himmelblau, starts, descent, classifyLimit: 0 });
});

async function pixels(bytes: Uint8Array): Promise<(x: number, y: number) => number[]> {
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, image.width, image.height).data;
  return (x, y) => {
    const p = (Math.round(y) * image.width + Math.round(x)) * 4;
    return [data[p], data[p + 1], data[p + 2]];
  };
}

describe('the basin map shaded by iterations (--shade nit)', () => {
  it('draws a slow start lighter than a fast one of the same basin, in the colour the scale gives', async () => {
    const { results, summary } = result;
    const png = renderBasinMap({ results, summary, plane, title: 'Himmelblau', shadeNit: results.nit, ...size });
    const frame = basinMapFrame({ plane, ...size });
    const at = await pixels(png);
    const colours = basinMapColours(summary);
    const expected = shadeByIterations(Array.from(summary.outcome, (o) => colours.colourOf[o] ?? '#000000'), summary.outcome, results.nit);
    // Basin 0's fastest start away from its minimum (the marker covers the minimum) and its
    // slowest, both off the box edge (the axes are drawn there).
    const inside = (i: number) => Math.abs(results.x0[2 * i]) < 4.9 && Math.abs(results.x0[2 * i + 1]) < 4.9;
    const members = [...summary.outcome.keys()].filter((i) => summary.outcome[i] === 0 && inside(i));
    const far = (i: number) => Math.hypot(results.x0[2 * i] - summary.basins[0].x[0], results.x0[2 * i + 1] - summary.basins[0].x[1]) > 1;
    const fast = members.filter(far).reduce((a, i) => (results.nit[i] < results.nit[a] ? i : a));
    const slow = members.reduce((a, i) => (results.nit[i] > results.nit[a] ? i : a));
    expect(results.nit[slow]).toBeGreaterThan(results.nit[fast]);
    const px = (i: number) => at(frame.x(results.x0[2 * i]), frame.y(results.x0[2 * i + 1]));
    const lightness = (rgb: number[]) => rgb[0] + rgb[1] + rgb[2];
    // 30 of the 765 levels of r + g + b: ten times the canvas rounding (one step a channel), while
    // the two differ by most of SHADE_MAX of the way to white.
    expect(lightness(px(slow))).toBeGreaterThan(lightness(px(fast)) + 30);
    // Each pixel is exactly its start's shaded colour, to within one 8-bit step of the canvas's rounding.
    for (const i of [fast, slow]) {
      const want = rgbOf(expected[i]);
      px(i).forEach((v, k) => expect(Math.abs(v - want[k])).toBeLessThanOrEqual(1));
    }
  });

  it('lightens on a log scale of nit + 1, from the basin\'s fastest start to SHADE_MAX at its slowest', () => {
    // log 2, log 4, log 16: the middle one is a third of the way, so a quarter (SHADE_MAX / 3) towards white.
    const out = shadeByIterations(['#000000', '#000000', '#000000'], Int32Array.from([0, 0, 0]), Int32Array.from([1, 3, 15]));
    expect(out).toEqual(['#000000', lighten('#000000', SHADE_MAX / 3), lighten('#000000', SHADE_MAX)]);
    expect(lighten('#000000', 0.25)).toBe('#404040');
  });

  it('leaves starts without a basin, and a basin whose starts all took as long, unshaded', () => {
    const out = shadeByIterations(['#112233', '#112233', '#d9d9d9'], Int32Array.from([0, 0, -2]), Int32Array.from([7, 7, 1000]));
    expect(out).toEqual(['#112233', '#112233', '#d9d9d9']);
  });
});
