import type { ContinuationLine } from '../params/continuation.ts';
import { drawAxes } from './axes.ts';
import { drawTitle, fit, font, type Ctx } from './draw.ts';
import { layoutFrame, type Frame } from './frame.ts';
import { BASIN_PALETTE, NOT_CONVERGED_COLOUR, OTHERS_COLOUR } from './palette.ts';

// Continuation pictures (browser-safe drawing; continuation-png.ts makes the PNGs): basin
// fractions against the swept parameter as stacked areas, and the minima's positions.

export interface ContinuationPlotInput {
  line: ContinuationLine;
  parameter: string;
  /** The free variables' names (x, y or x1..xd). */
  variables: string[];
  /** The free variables' box: a panel spans at least a tenth of its side, so noise stays flat. */
  box: Array<[number, number]>;
  title: string;
  subtitle: string;
  width: number;
  height: number;
}

const LEGEND_WIDTH = 170;
const colourOf = (branch: number) => BASIN_PALETTE[branch] ?? OTHERS_COLOUR;

/** Fractions of the starts in each branch's basin (stacked, bottom up by branch), and the rest in grey. */
export function drawFractions(ctx: Ctx, input: ContinuationPlotInput): void {
  const { line } = input;
  const values = line.values;
  const frame = layoutFrame([span(values), [0, 1]], { width: input.width, height: input.height, legendWidth: LEGEND_WIDTH, equalWithin: 0 });
  drawTitle(ctx, input.title, input.subtitle, frame.plot.left, input.width - frame.plot.left - 16);
  const below = values.map(() => 0);
  const layer = (fractions: number[], colour: string) => {
    const above = below.map((b, k) => b + fractions[k]);
    ctx.beginPath();
    values.forEach((v, k) => (k === 0 ? ctx.moveTo(frame.x(v), frame.y(above[k])) : ctx.lineTo(frame.x(v), frame.y(above[k]))));
    for (let k = values.length - 1; k >= 0; k--) ctx.lineTo(frame.x(values[k]), frame.y(below[k]));
    ctx.closePath();
    ctx.fillStyle = colour;
    ctx.fill();
    above.forEach((a, k) => (below[k] = a));
  };
  ctx.save();
  for (const b of line.branches) {
    const f = values.map(() => 0);
    for (const p of b.points) f[p.step] = p.fraction;
    layer(f, colourOf(b.id));
  }
  layer(below.map((b) => Math.max(0, 1 - b)), NOT_CONVERGED_COLOUR);
  ctx.restore();
  drawEvents(ctx, frame, line);
  drawAxes(ctx, frame, { x: input.parameter, y: 'fraction of starts' });
  legend(ctx, frame, line, true);
}

/** Each branch's position on every free axis (one panel per axis, at most 3) against the parameter. */
export function drawPositions(ctx: Ctx, input: ContinuationPlotInput): void {
  const { line } = input;
  const axes = input.variables.slice(0, 3);
  const panel = Math.floor(input.height / axes.length);
  axes.forEach((name, j) => {
    const xs = line.branches.flatMap((b) => b.points.map((p) => p.x[j]));
    const side = input.box[j][1] - input.box[j][0];
    const frame = layoutFrame([span(line.values), span(xs, side / 10)], { width: input.width, height: panel, legendWidth: LEGEND_WIDTH, equalWithin: 0 });
    ctx.save();
    ctx.translate(0, j * panel);
    if (j === 0) drawTitle(ctx, input.title, input.subtitle, frame.plot.left, input.width - frame.plot.left - 16);
    drawEvents(ctx, frame, line);
    for (const b of line.branches) {
      ctx.strokeStyle = colourOf(b.id);
      ctx.fillStyle = colourOf(b.id);
      ctx.lineWidth = 2;
      ctx.beginPath();
      b.points.forEach((p, k) => (k === 0 || p.step !== b.points[k - 1].step + 1 ? ctx.moveTo(frame.x(p.value), frame.y(p.x[j])) : ctx.lineTo(frame.x(p.value), frame.y(p.x[j]))));
      ctx.stroke();
      for (const p of b.points) {
        ctx.beginPath();
        ctx.arc(frame.x(p.value), frame.y(p.x[j]), p.kind === 'minimum' || p.kind === undefined ? 3 : 2, 0, 2 * Math.PI);
        if (p.kind === 'minimum' || p.kind === undefined) ctx.fill();
        else ctx.stroke();
      }
    }
    drawAxes(ctx, frame, { x: input.parameter, y: `${name} of the end point` });
    if (j === 0) legend(ctx, frame, line, false);
    ctx.restore();
  });
}

/** Appearing or vanishing branches: a dashed line midway between the two values. */
function drawEvents(ctx: Ctx, frame: Frame, line: ContinuationLine): void {
  const at = [...new Set(line.events.map((e) => (e.between[0] + e.between[1]) / 2))];
  ctx.save();
  ctx.strokeStyle = '#333333';
  ctx.setLineDash([5, 4]);
  ctx.lineWidth = 1;
  for (const v of at) {
    ctx.beginPath();
    ctx.moveTo(Math.round(frame.x(v)) + 0.5, frame.plot.top);
    ctx.lineTo(Math.round(frame.x(v)) + 0.5, frame.plot.top + frame.plot.height);
    ctx.stroke();
  }
  ctx.restore();
}

function legend(ctx: Ctx, frame: Frame, line: ContinuationLine, withRest: boolean): void {
  const { left, top, width } = frame.legend;
  const entries = line.branches.map((b) => {
    const first = b.points[0];
    const last = b.points.at(-1)!;
    return { colour: colourOf(b.id), text: `branch ${b.id}: ${num(first.value)}..${num(last.value)}` };
  });
  if (withRest) entries.push({ colour: NOT_CONVERGED_COLOUR, text: 'no basin' });
  entries.push({ colour: '', text: '- - appear / vanish' });
  ctx.save();
  ctx.font = font(12);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  entries.slice(0, Math.floor(frame.legend.height / 20)).forEach((e, i) => {
    const y = top + 10 + i * 20;
    if (e.colour) {
      ctx.fillStyle = e.colour;
      ctx.fillRect(left, y - 6, 14, 12);
    }
    ctx.fillStyle = '#222222';
    ctx.fillText(fit(ctx, e.text, width - 20), left + 20, y);
  });
  ctx.restore();
}

function span(v: readonly number[], least = 0): [number, number] {
  const mid = (Math.min(...v) + Math.max(...v)) / 2;
  const lo = Math.min(...v, mid - least / 2);
  const hi = Math.max(...v, mid + least / 2);
  // A flat series (one value, or a branch that never moves) still needs a range to draw in.
  const pad = hi > lo ? (hi - lo) * 0.05 : Math.max(1, Math.abs(lo)) * 0.1;
  return [lo - pad, hi + pad];
}

function num(v: number): string {
  return Number(v.toPrecision(3)).toString();
}
