import { createCanvas, loadImage } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { mapBasins, type MapResult } from '../../src/map.ts';
import { objectiveFromExpression } from '../../src/objectives/expression/objective.ts';
import { basinMapPng } from '../../src/plot/basin-map-png.ts';
import { basinStripLayout } from '../../src/plot/basin-strip.ts';
import { basinStripInput } from '../../src/plot/map-picture.ts';
import { basinColours } from '../../src/plot/basin-colours.ts';
import { rgbOf } from '../../src/plot/palette.ts';
import { gridStartSet } from '../../src/starts/grid.ts';

// A double well on [-4, 4]: f' = x³ − 6x + 1 has two minima (x ≈ −2.53, 2.36) and one maximum
// (x ≈ 0.17) between them, so the strip has two basins meeting there.
const objective = objectiveFromExpression('x^4/4 - 3*x^2 + x', { box: '-4,4' });
const box = objective.box(1);
const descent = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec('gd', { lr: 0.01 }), box, sense: 'min' as const };
const size = { width: 900, height: 560 };
let result: MapResult;
let png: Uint8Array;

beforeAll(async () => {
  await useBackend('cpu');
  result = await mapBasins({ objective, starts: gridStartSet([400], undefined, box), descent });
  png = await basinMapPng({ objective, result, descent, starts: 'grid 400', size });
});

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

describe('the basin map of a 1-D function', () => {
  it('colours the strip under the curve, at each start, in the colour of the basin that start reached', async () => {
    const s = result.summary;
    expect(s.basins.filter((b) => b.kind === 'minimum').length).toBe(2);
    const input = await basinStripInput({ objective, result, descent, starts: 'grid 400', size });
    const { frame, strip } = basinStripLayout(input);
    const colours = basinColours(s.basins);
    const at = await pixels(png);
    const y = strip.top + strip.height / 2;
    let checked = 0;
    for (let i = 0; i < result.results.n; i += 7) {
      const px = frame.x(result.results.x0[i]);
      // Columns within 2 px of a change of basin may take the neighbour's colour (nearest start).
      const changes = [...Array(result.results.n).keys()].filter((k) => k > 0 && s.outcome[k] !== s.outcome[k - 1]).map((k) => frame.x((result.results.x0[k] + result.results.x0[k - 1]) / 2));
      if (changes.some((c) => Math.abs(c - px) < 2) || px < strip.left + 2 || px > strip.left + strip.width - 2) continue;
      expect(at(px, y), `start ${i} at ${result.results.x0[i]}`).toEqual(rgbOf(colours.colourOf[s.outcome[i]]));
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('names the axis as the formula names its variable, and is as large as asked', async () => {
    const input = await basinStripInput({ objective, result, descent, starts: 'grid 400', size });
    expect(input.name).toBe('x');
    expect(objectiveFromExpression('x*y', { box: '-1,1' }).variables).toEqual(['x', 'y']);
    expect(objectiveFromExpression('x1*x2', { box: '-1,1' }).variables).toEqual(['x1', 'x2']);
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect({ width: view.getUint32(16), height: view.getUint32(20) }).toEqual(size);
  });
});
