import { font, type Ctx } from './draw.ts';
import type { Frame } from './frame.ts';

/** A frame around the plot area, outward ticks at d3's nice values, tick labels and axis titles. */
export function drawAxes(ctx: Ctx, frame: Frame, labels: { x: string; y: string }): void {
  const { plot, x, y } = frame;
  const bottom = plot.top + plot.height;
  const right = plot.left + plot.width;
  ctx.save();
  ctx.strokeStyle = '#333333';
  ctx.lineWidth = 1;
  ctx.strokeRect(Math.round(plot.left) + 0.5, Math.round(plot.top) + 0.5, Math.round(plot.width), Math.round(plot.height));

  ctx.font = font(12);
  ctx.fillStyle = '#222222';
  // About one tick per 80 px across and 60 px down keeps labels apart at any canvas size.
  const xt = x.ticks(Math.max(2, Math.round(plot.width / 80)));
  const xf = x.tickFormat(xt.length);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of xt) {
    const px = Math.round(x(t)) + 0.5;
    line(ctx, px, bottom, px, bottom + 5);
    ctx.fillText(minus(xf(t)), px, bottom + 8);
  }
  const yt = y.ticks(Math.max(2, Math.round(plot.height / 60)));
  const yf = y.tickFormat(yt.length);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  let widest = 0;
  for (const t of yt) {
    const py = Math.round(y(t)) + 0.5;
    const text = minus(yf(t));
    line(ctx, plot.left - 5, py, plot.left, py);
    ctx.fillText(text, plot.left - 8, py);
    widest = Math.max(widest, ctx.measureText(text).width);
  }

  ctx.font = font(13);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(labels.x, (plot.left + right) / 2, bottom + 40);
  ctx.translate(plot.left - 14 - widest - 6, plot.top + plot.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(labels.y, 0, 0);
  ctx.restore();
}

function line(ctx: Ctx, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

// d3's formats already write U+2212 for negatives; this keeps any plain hyphen-minus consistent.
function minus(s: string): string {
  return s.replace(/^-/, '\u2212');
}
