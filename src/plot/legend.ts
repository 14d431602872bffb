import { fit, font, type Ctx } from './draw.ts';
import type { Rect } from './frame.ts';
import { drawDot, drawMinimum, drawSaddle } from './markers.ts';

export type LegendItem =
  | { kind: 'heading'; text: string; right?: string }
  | { kind: 'swatch'; colour: string; text: string; bold?: boolean; right?: string }
  | { kind: 'marker'; global: boolean; text: string }
  | { kind: 'saddle'; text: string }
  | { kind: 'line'; colour: string; width: number; text: string; dash?: number[] }
  | { kind: 'dot'; colour: string; text: string }
  | { kind: 'ramp'; colour: (t: number) => string; from: string; to: string }
  | { kind: 'note'; text: string }
  | { kind: 'gap' };

const ROW = 18;
const RAMP_ROWS = 2;

/**
 * Draws the items top-down in `rect`. When they do not fit, rows and fonts shrink together (down
 * to 60%), so a legend with many basins still shows every entry instead of running off the canvas.
 */
export function drawLegend(ctx: Ctx, items: LegendItem[], rect: Rect): void {
  const rows = items.reduce((s, it) => s + (it.kind === 'gap' ? 0.5 : it.kind === 'ramp' ? RAMP_ROWS : 1), 0);
  const k = Math.max(0.6, Math.min(1, rect.height / (rows * ROW)));
  const row = ROW * k;
  const textX = rect.left + 22;
  const textW = rect.width - 22;
  let y = rect.top + row / 2;
  ctx.save();
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const it of items) {
    if (y > rect.top + rect.height) break;
    ctx.fillStyle = '#222222';
    ctx.font = font(Math.round(12 * k));
    switch (it.kind) {
      case 'gap':
        y += row / 2;
        continue;
      case 'heading':
        ctx.font = font(Math.round(12 * k), 'bold');
        ctx.fillText(fit(ctx, it.text, rect.width), rect.left, y);
        if (it.right) {
          ctx.textAlign = 'right';
          ctx.fillText(it.right, rect.left + rect.width, y);
          ctx.textAlign = 'left';
        }
        break;
      case 'note':
        ctx.font = font(Math.round(11 * k));
        ctx.fillStyle = '#555555';
        ctx.fillText(fit(ctx, it.text, rect.width), rect.left, y);
        break;
      case 'swatch':
        ctx.fillStyle = it.colour;
        ctx.fillRect(rect.left + 1, y - 6 * k, 15, 12 * k);
        ctx.strokeStyle = 'rgba(0,0,0,0.45)';
        ctx.lineWidth = 1;
        ctx.strokeRect(rect.left + 1.5, y - 6 * k + 0.5, 14, 12 * k - 1);
        ctx.fillStyle = '#222222';
        if (it.bold) ctx.font = font(Math.round(12 * k), 'bold');
        if (it.right) {
          // A right-aligned column (shares) keeps numbers comparable down the list.
          const rw = ctx.measureText(it.right).width;
          ctx.textAlign = 'right';
          ctx.fillText(it.right, rect.left + rect.width, y);
          ctx.textAlign = 'left';
          ctx.fillText(fit(ctx, it.text, textW - rw - 8), textX, y);
        } else ctx.fillText(fit(ctx, it.text, textW), textX, y);
        break;
      case 'marker':
        drawMinimum(ctx, rect.left + 8.5, y, it.global, it.global ? 7 * k : 4 * k);
        ctx.fillText(fit(ctx, it.text, textW), textX, y);
        break;
      case 'saddle':
        drawSaddle(ctx, rect.left + 8.5, y, 4.5 * k);
        ctx.fillText(fit(ctx, it.text, textW), textX, y);
        break;
      case 'line':
        ctx.strokeStyle = it.colour;
        ctx.lineWidth = it.width;
        ctx.setLineDash(it.dash ?? []);
        ctx.beginPath();
        ctx.moveTo(rect.left + 1, y);
        ctx.lineTo(rect.left + 16, y);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillText(fit(ctx, it.text, textW), textX, y);
        break;
      case 'dot':
        drawDot(ctx, rect.left + 8.5, y, 4.5 * k, it.colour);
        ctx.fillStyle = '#222222';
        ctx.fillText(fit(ctx, it.text, textW), textX, y);
        break;
      case 'ramp': {
        const w = Math.min(rect.width - 4, 180);
        const h = 10 * k;
        for (let i = 0; i < w; i++) {
          ctx.fillStyle = it.colour(i / (w - 1));
          ctx.fillRect(rect.left + 1 + i, y - h / 2, i < w - 1 ? 1.5 : 1, h);
        }
        ctx.strokeStyle = 'rgba(0,0,0,0.45)';
        ctx.strokeRect(rect.left + 1.5, y - h / 2 + 0.5, w - 1, h - 1);
        ctx.fillStyle = '#222222';
        ctx.font = font(Math.round(11 * k));
        ctx.fillText(it.from, rect.left + 1, y + h / 2 + 8 * k);
        ctx.textAlign = 'right';
        ctx.fillText(it.to, rect.left + w, y + h / 2 + 8 * k);
        ctx.textAlign = 'left';
        y += row * (RAMP_ROWS - 1);
        break;
      }
    }
    y += row;
  }
  ctx.restore();
}
