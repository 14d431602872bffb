import { basinLabel } from '../basins/label.ts';
import type { DisconnectivityTree, TreeNode } from '../saddles/disconnectivity.ts';
import { clearWhite, drawTitle, font, haloText, type Ctx } from './draw.ts';
import { layoutFrame, type Frame } from './frame.ts';

export interface DisconnectivityInput {
  tree: DisconnectivityTree;
  title: string;
  subtitle?: string;
  /** Leaf label for a basin id: its number in the table and the files (basins/label.ts) by default. */
  leafLabel?: (basin: number) => string;
  width?: number;
  height?: number;
}

export const DISCONNECTIVITY_SIZE = { width: 900, height: 700 } as const;

/** Where drawDisconnectivity puts things: x is the leaf order, y is f. */
export function disconnectivityFrame(input: Pick<DisconnectivityInput, 'tree' | 'width' | 'height'>): Frame {
  const { width, height } = { ...DISCONNECTIVITY_SIZE, ...Object.fromEntries(Object.entries({ width: input.width, height: input.height }).filter(([, v]) => v !== undefined)) };
  const fs: number[] = [];
  const visit = (n: TreeNode) => {
    fs.push(n.f);
    n.children?.forEach(visit);
  };
  input.tree.roots.forEach(visit);
  const [lo, hi] = fs.length ? [Math.min(...fs), Math.max(...fs)] : [0, 1];
  // 8% headroom above the highest join, where the separate trees' stems end.
  const span = hi - lo || Math.max(1, Math.abs(hi));
  return layoutFrame([[-0.6, Math.max(1, input.tree.leaves) - 0.4], [lo - 0.04 * span, hi + 0.08 * span]], { width, height, legendWidth: 0, equalWithin: 0 });
}

/**
 * The disconnectivity graph on a canvas (Becker–Karplus / Wales drawing): each minimum a vertical
 * stem from its f up to where its group joins another, joins as horizontal bars at the saddle's
 * f, and every tree's top stem running to the top of the plot. The f axis is on the left; the
 * horizontal axis has no scale, only the order of the leaves.
 */
export function drawDisconnectivity(ctx: Ctx, input: DisconnectivityInput): Frame {
  const frame = disconnectivityFrame(input);
  clearWhite(ctx, frame.width, frame.height);
  const { x, y, plot } = frame;
  const label = input.leafLabel ?? basinLabel;
  ctx.save();
  ctx.strokeStyle = '#1f3b73';
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  const segment = (x0: number, y0: number, x1: number, y1: number) => {
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
  };
  const draw = (n: TreeNode, top: number) => {
    segment(x(n.x), y(n.f), x(n.x), top);
    if (n.children) {
      segment(x(n.children[0].x), y(n.f), x(n.children[1].x), y(n.f));
      n.children.forEach((c) => draw(c, y(n.f)));
    }
  };
  input.tree.roots.forEach((r) => draw(r, plot.top));
  ctx.font = font(12);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const leaf = (n: TreeNode) => {
    if (n.children) return n.children.forEach(leaf);
    haloText(ctx, label(n.basin!), x(n.x), y(n.f) + 4);
  };
  input.tree.roots.forEach(leaf);
  ctx.restore();
  drawFAxis(ctx, frame);
  drawTitle(ctx, input.title, input.subtitle, plot.left, frame.width - plot.left - 16);
  return frame;
}

function drawFAxis(ctx: Ctx, frame: Frame): void {
  const { plot, y } = frame;
  ctx.save();
  ctx.strokeStyle = '#333333';
  ctx.fillStyle = '#222222';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(Math.round(plot.left) + 0.5, plot.top);
  ctx.lineTo(Math.round(plot.left) + 0.5, plot.top + plot.height);
  ctx.stroke();
  ctx.font = font(12);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const ticks = y.ticks(Math.max(2, Math.round(plot.height / 60)));
  const format = y.tickFormat(ticks.length);
  for (const t of ticks) {
    const py = Math.round(y(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(plot.left - 5, py);
    ctx.lineTo(plot.left, py);
    ctx.stroke();
    ctx.fillText(format(t).replace(/^-/, '\u2212'), plot.left - 8, py);
  }
  ctx.font = font(13);
  ctx.textAlign = 'center';
  ctx.translate(16, plot.top + plot.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText('f', 0, 0);
  ctx.restore();
}
