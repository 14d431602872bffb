import { font, haloText, type Ctx } from './draw.ts';
import type { Rect } from './frame.ts';

export interface Box2 {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelRequest {
  /** Anchor in pixels (a marker's centre). */
  x: number;
  y: number;
  text: string;
  bold: boolean;
  /** Pixels kept clear around the anchor: the marker's radius. */
  clear: number;
}

const SIZE = { normal: 11, bold: 12 } as const;

/** A square box of half-size r around (x, y): a marker as an obstacle for labels. */
export function boxAround(x: number, y: number, r: number): Box2 {
  return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
}

/**
 * Draws labels in the order given (most important first), each at the first of eight spots
 * around its anchor whose box stays inside `bounds` and overlaps neither an obstacle nor a label
 * already placed; a label with no free spot is dropped rather than drawn over another.
 * Returns how many were drawn.
 */
export function drawLabels(ctx: Ctx, requests: LabelRequest[], bounds: Rect, obstacles: Box2[]): number {
  const taken = [...obstacles];
  let drawn = 0;
  ctx.save();
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const r of requests) {
    const size = r.bold ? SIZE.bold : SIZE.normal;
    ctx.font = font(size, r.bold ? 'bold' : 'normal');
    const w = ctx.measureText(r.text).width;
    const h = size + 2;
    const g = r.clear + 3;
    // Right, left, above, below, then the diagonals; (left, middle) of the text box.
    const spots: Array<[number, number]> = [
      [r.x + g, r.y],
      [r.x - g - w, r.y],
      [r.x - w / 2, r.y - g - h / 2],
      [r.x - w / 2, r.y + g + h / 2],
      [r.x + g * 0.7, r.y - g * 0.7 - h / 2],
      [r.x - g * 0.7 - w, r.y - g * 0.7 - h / 2],
      [r.x + g * 0.7, r.y + g * 0.7 + h / 2],
      [r.x - g * 0.7 - w, r.y + g * 0.7 + h / 2],
    ];
    for (const [lx, ly] of spots) {
      const box = { x0: lx - 1, y0: ly - h / 2, x1: lx + w + 1, y1: ly + h / 2 };
      if (!inside(box, bounds) || taken.some((t) => overlaps(t, box))) continue;
      haloText(ctx, r.text, lx, ly);
      taken.push(box);
      drawn++;
      break;
    }
  }
  ctx.restore();
  return drawn;
}

function overlaps(a: Box2, b: Box2): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function inside(b: Box2, r: Rect): boolean {
  return b.x0 >= r.left && b.y0 >= r.top && b.x1 <= r.left + r.width && b.y1 <= r.top + r.height;
}
