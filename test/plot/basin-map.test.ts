import { loadImage, createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { mapBasins, type MapResult } from '../../src/map.ts';
import { himmelblau } from '../../src/objectives/library/himmelblau.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { basinMapColours, basinMapFrame } from '../../src/plot/basin-map.ts';
import { renderBasinMap } from '../../src/plot/basin-map-png.ts';
import { sampleField } from '../../src/plot/field.ts';
import { rgbOf } from '../../src/plot/palette.ts';
import { planeOf } from '../../src/plot/plane.ts';
import { gridStartSet } from '../../src/starts/grid.ts';

const box = himmelblau.box(2);
const plane = planeOf(box);
const size = { width: 880, height: 720 };
let result: MapResult;
let png: Uint8Array;

beforeAll(async () => {
  await useBackend('cpu');
  const starts = gridStartSet([60], undefined, box);
  const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.01 }), box, sense: 'min' as const };
  result = await mapBasins({ objective: himmelblau, starts, descent });
  const field = await sampleField(himmelblau.f, plane, 120, 120);
  png = renderBasinMap({ results: result.results, summary: result.summary, plane, field, title: 'Himmelblau', ...size });
});

/** Width and height from the PNG header (IHDR follows the 8-byte signature and its own 8-byte header). */
function ihdrSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function pixels(bytes: Uint8Array): Promise<(x: number, y: number) => [number, number, number]> {
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

const CONTOUR_INK: [number, number, number] = [20, 20, 20];

/**
 * How far `pixel` is `colour` blended towards `ink` (0: not at all), or undefined when it is not
 * such a blend to within 8-bit rounding.
 */
function shadeOf(pixel: number[], colour: number[], ink: number[]): number | undefined {
  let num = 0;
  let den = 0;
  for (let i = 0; i < 3; i++) {
    num += (colour[i] - pixel[i]) * (colour[i] - ink[i]);
    den += (colour[i] - ink[i]) ** 2;
  }
  const a = num / den;
  const fits = pixel.every((v, i) => Math.abs(v - (colour[i] + a * (ink[i] - colour[i]))) <= 3);
  return fits && a >= -0.02 && a <= 0.8 ? a : undefined;
}

describe('basin map PNG', () => {
  it('is a PNG of the requested size', async () => {
    expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(ihdrSize(png)).toEqual(size);
    const image = await loadImage(Buffer.from(png));
    expect([image.width, image.height]).toEqual([size.width, size.height]);
  });

  it('paints the area around each known minimum in the colour of that minimum\'s basin', async () => {
    const at = await pixels(png);
    const frame = basinMapFrame({ plane, ...size });
    const { colourOf } = basinMapColours(result.summary);
    const minima = himmelblau.known(2).filter((k) => k.kind === 'minimum');
    expect(result.summary.basins).toHaveLength(minima.length);
    expect(new Set(colourOf).size).toBe(minima.length);
    for (const m of minima) {
      // The basin whose end point is this minimum (float32 descent ends within ~1e-4 of it).
      const basin = result.summary.basins.find((b) => Math.hypot(b.x[0] - m.x[0], b.x[1] - m.x[1]) < 1e-3);
      expect(basin, `a basin at (${m.x})`).toBeDefined();
      const want = rgbOf(colourOf[basin!.id]);
      // A ring 12 px around the marker (the star's radius is 8). Contour lines are drawn over the
      // colours half-transparently, so a sample carries the basin colour when it is that colour
      // or that colour darkened towards the contour ink; the label may cover a few samples.
      const cx = frame.x(m.x[0]);
      const cy = frame.y(m.x[1]);
      const samples = Array.from({ length: 48 }, (_, k) => at(cx + 12 * Math.cos((k * Math.PI) / 24), cy + 12 * Math.sin((k * Math.PI) / 24)));
      const exact = samples.filter((c) => c.every((v, i) => v === want[i])).length;
      const shaded = samples.filter((c) => shadeOf(c, want, CONTOUR_INK) !== undefined).length;
      expect(exact, `exact basin colour around (${m.x})`).toBeGreaterThanOrEqual(samples.length * 0.25);
      expect(shaded, `basin colour, shaded or not, around (${m.x})`).toBeGreaterThanOrEqual(samples.length * 0.75);
    }
  });
});
