/**
 * What the drawing layers need of a canvas, in a form both platforms provide: @napi-rs/canvas
 * for the PNG files (canvas.ts, Node) and the browser's own canvas for the explore page. Nothing
 * here imports either, so every layer that draws through it is browser-safe.
 */

/** The 2-D context calls the layers make: the HTML canvas API, which @napi-rs/canvas mirrors. */
export type Ctx = Pick<
  CanvasRenderingContext2D,
  | 'save' | 'restore' | 'beginPath' | 'closePath' | 'moveTo' | 'lineTo' | 'arc' | 'rect' | 'clip'
  | 'fill' | 'stroke' | 'fillRect' | 'strokeRect' | 'fillText' | 'strokeText' | 'measureText'
  | 'setLineDash' | 'translate' | 'rotate'
  | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'lineJoin' | 'font' | 'textAlign' | 'textBaseline'
>;

/** RGBA bytes, row by row from the top: what a layer of pixels is painted from. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * Paints pixels onto a context, scaled to a rectangle without smoothing (cell edges stay sharp)
 * and composited over what is there. Each platform does this through an off-screen canvas of its
 * own, which is why it is passed in rather than made here.
 */
export type PaintPixels = (ctx: Ctx, pixels: Pixels, x: number, y: number, width: number, height: number) => void;

// DejaVu ships with most Linux systems; the rest fall back to the platform's sans-serif.
const FAMILY = '"DejaVu Sans", "Helvetica Neue", Arial, sans-serif';

export function font(px: number, weight: 'normal' | 'bold' = 'normal'): string {
  return `${weight} ${px}px ${FAMILY}`;
}

/** Text with a white halo, readable over any colour or line underneath. */
export function haloText(ctx: Ctx, text: string, x: number, y: number, fill = '#111111'): void {
  ctx.save();
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.strokeText(text, x, y);
  ctx.fillStyle = fill;
  ctx.fillText(text, x, y);
  ctx.restore();
}

/** Title and, below it, a smaller subtitle, left-aligned above the plot. */
export function drawTitle(ctx: Ctx, title: string, subtitle: string | undefined, left: number, width: number): void {
  ctx.save();
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#111111';
  ctx.font = font(17, 'bold');
  ctx.fillText(fit(ctx, title, width), left, 24);
  if (subtitle) {
    ctx.font = font(12);
    ctx.fillStyle = '#444444';
    ctx.fillText(fit(ctx, subtitle, width), left, 44);
  }
  ctx.restore();
}

/** The text shortened with an ellipsis to fit `width` pixels in the current font. */
export function fit(ctx: Ctx, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(t + '…').width > width) t = t.slice(0, -1);
  return t + '…';
}

/** Fills the whole canvas white: pictures are drawn on white. */
export function clearWhite(ctx: Ctx, width: number, height: number): void {
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.restore();
}
