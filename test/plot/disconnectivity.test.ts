import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/plot/draw.ts';
import { drawDisconnectivity } from '../../src/plot/disconnectivity.ts';
import { disconnectivityTree } from '../../src/saddles/disconnectivity.ts';

describe('the disconnectivity graph picture', () => {
  it('draws each leaf stem from its minimum up to the join, and the join bar at the saddle f', () => {
    const tree = disconnectivityTree([{ id: 0, f: 0 }, { id: 1, f: 2 }], [{ id: 0, f: 10, minima: [0, 1] }]);
    const canvas = createCanvas(600, 500);
    const ctx = canvas.getContext('2d');
    const frame = drawDisconnectivity(ctx as unknown as Ctx, { tree, title: 't', width: 600, height: 500 });
    const dark = (px: number, py: number) => {
      const [r, g, b] = ctx.getImageData(Math.round(px), Math.round(py), 1, 1).data;
      return r + g + b < 3 * 160;
    };
    const [x0, x1] = [frame.x(0), frame.x(1)];
    // On the stems: leaf 0 from f 0, leaf 1 from f 2, both up to f 10; on the bar at f 10.
    expect(dark(x0, frame.y(5))).toBe(true);
    expect(dark(x1, frame.y(5))).toBe(true);
    expect(dark((x0 + x1) / 2, frame.y(10))).toBe(true);
    // Below its minimum a stem does not go: leaf 1 starts at f 2, so at f 1 (clear of its label's column edge) nothing.
    expect(dark(x1, frame.y(1) - 0)).toBe(false);
    // Between the stems, below the bar: white.
    expect(dark((x0 + x1) / 2, frame.y(5))).toBe(false);
  });
});
