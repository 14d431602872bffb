import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { clearWhite, type Ctx, type PaintPixels } from './draw.ts';

// The Node side of the pictures: @napi-rs/canvas makes the canvas and encodes the PNG. The layers
// draw through draw.ts's Ctx, so the explore page draws the same pictures on its own canvas.

/** A white canvas of the given size. */
export function whiteCanvas(width: number, height: number): { canvas: Canvas; ctx: Ctx } {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  clearWhite(ctx, width, height);
  return { canvas, ctx };
}

export function encodePng(canvas: Canvas): Uint8Array {
  const buf = canvas.toBuffer('image/png');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** draw.ts's PaintPixels through an off-screen @napi-rs/canvas. */
export const paintPixels: PaintPixels = (ctx, pixels, x, y, width, height) => {
  const layer = createCanvas(pixels.width, pixels.height);
  const lctx = layer.getContext('2d');
  const image = lctx.createImageData(pixels.width, pixels.height);
  image.data.set(pixels.data);
  lctx.putImageData(image, 0, 0);
  // The context is always one of ours (whiteCanvas); drawImage composites over what is there,
  // where putImageData on ctx would punch transparent holes.
  const target = ctx as unknown as ReturnType<Canvas['getContext']>;
  target.imageSmoothingEnabled = false;
  target.drawImage(layer, x, y, width, height);
};
