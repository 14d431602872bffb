import { loadImage } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { tracePaths } from '../../src/descent/trace.ts';
import { himmelblau } from '../../src/objectives/library/himmelblau.ts';
import { poly1d } from '../../src/objectives/library/poly1d.ts';
import { DESCENT_DEFAULTS } from '../../core/options.ts';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { tracePng } from '../../src/plot/trace-png.ts';
import { traceRange } from '../../src/plot/trace-plot.ts';

const gd = optimizerSpec('gd', { lr: 0.01 });

beforeAll(async () => {
  await useBackend('cpu');
});

describe('trace picture', () => {
  it('draws 1-D and 2-D paths at the requested size', async () => {
    const one = await tracePaths(poly1d, [[2], [-2]], { ...DESCENT_DEFAULTS, optimizer: gd, box: poly1d.box(1), maxIter: 100, sense: 'min' });
    const two = await tracePaths(himmelblau, [[0, 0], [-1, -1]], { ...DESCENT_DEFAULTS, optimizer: gd, box: himmelblau.box(2), maxIter: 100, sense: 'min' });
    for (const [objective, paths, size] of [[poly1d, one, { width: 640, height: 420 }], [himmelblau, two, { width: 700, height: 560 }]] as const) {
      const png = await tracePng({ objective, box: objective.box(objective.defaultDim), paths, optimizer: gd, iters: 100, size });
      const image = await loadImage(Buffer.from(png));
      expect([image.width, image.height]).toEqual([size.width, size.height]);
    }
  });

  it('widens the range to where the paths went, by at most a box width a side', () => {
    const paths = { x: [[[0], [4], [1e9]]], f: [[0, 0, 0]], gradNorm: [[0, 0, 0]], stop: ['nonfinite' as const] };
    const [[lo, hi]] = traceRange([[-1, 1]], paths);
    expect(lo).toBe(-1);
    expect(hi).toBeGreaterThanOrEqual(3);
    expect(hi).toBeLessThan(3.5);
    expect(traceRange([[-1, 1]], { ...paths, x: [[[0.5]]] })).toEqual([[-1, 1]]);
  });
});
