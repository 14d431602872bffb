import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/plot/draw.ts';
import { drawSaddle, MARKER_RADIUS } from '../../src/plot/markers.ts';

describe('the saddle marker', () => {
  it('is a dark × on any basin colour: dark on its diagonals, the basin colour between its arms', () => {
    const canvas = createCanvas(40, 40);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#e15759';
    ctx.fillRect(0, 0, 40, 40);
    drawSaddle(ctx as unknown as Ctx, 20, 20);
    const rgb = (x: number, y: number) => Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3));
    const dark = (x: number, y: number) => rgb(x, y).reduce((a, b) => a + b, 0) < 3 * 80;
    const r = MARKER_RADIUS.saddle;
    expect(dark(20, 20)).toBe(true);
    expect(dark(20 - r + 1, 20 - r + 1)).toBe(true);
    expect(dark(20 + r - 1, 20 - r + 1)).toBe(true);
    // Straight above the centre, at the arms' reach, is between two arms: untouched basin colour.
    expect(rgb(20, 20 - r)).toEqual([0xe1, 0x57, 0x59]);
  });
});
