import type { PaintPixels } from '../../browser.ts';

/** The library's PaintPixels through an off-screen canvas of the page (canvas.ts is Node's). */
export const paintPixels: PaintPixels = (ctx, pixels, x, y, width, height) => {
  const layer = document.createElement('canvas');
  layer.width = pixels.width;
  layer.height = pixels.height;
  layer.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(pixels.data), pixels.width, pixels.height), 0, 0);
  const target = ctx as CanvasRenderingContext2D;
  target.save();
  target.imageSmoothingEnabled = false;
  target.drawImage(layer, x, y, width, height);
  target.restore();
};
