import {
  basinMapColours, clearWhite, drawAxes, drawMinimum, drawTitle, formatOptimizer, layoutFrame, sampleCurve, startColours,
  type BasinColours, type Ctx, type DescentOptions, type MapResult, type Objective,
} from '../../browser.ts';

const SIZE = { width: 900, height: 420 };
/** Height of the band of starts along the bottom of the plot, in pixels. */
const BAND = 22;

/**
 * A 1-D map: the curve f(x), each minimum marked on it (global starred), and along the bottom a
 * band where every start x0 has the colour of the basin it reached (the map's greys when none).
 */
export async function drawStrip(canvas: HTMLCanvasElement, objective: Objective, result: MapResult, descent: DescentOptions, starts: string): Promise<BasinColours> {
  [canvas.width, canvas.height] = [SIZE.width, SIZE.height];
  const ctx = canvas.getContext('2d')!;
  const box = descent.box[0];
  // 600 points: a curve vertex about every pixel, as trace.png samples it.
  const curve = await sampleCurve(objective.f, box, 600);
  const fs = Array.from(curve.f).filter(Number.isFinite).sort((a, b) => a - b);
  // Up to the 80th percentile, as trace.png does: steep walls run off the top, the valleys stay.
  const [lo, hi] = fs.length ? [fs[0], fs[Math.floor(0.8 * (fs.length - 1))]] : [-1, 1];
  const pad = hi > lo ? 0.08 * (hi - lo) : 1;
  const frame = layoutFrame([box, [lo - pad - (hi - lo) * 0.15, hi + pad]], { width: SIZE.width, height: SIZE.height, legendWidth: 0, equalWithin: 0 });
  clearWhite(ctx as Ctx, SIZE.width, SIZE.height);
  const { plot } = frame;
  const colours = basinMapColours(result.summary);
  const perStart = startColours(result.results, result.summary, colours);
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.width, plot.height);
  ctx.clip();
  const r = result.results;
  const order = Array.from({ length: r.n }, (_, i) => i).sort((a, b) => r.x0[a] - r.x0[b]);
  order.forEach((i, k) => {
    // Each start colours the band from itself to the next start along the axis.
    const from = frame.x(r.x0[i]);
    const to = k + 1 < order.length ? frame.x(r.x0[order[k + 1]]) : from + 1;
    ctx.fillStyle = perStart[i];
    ctx.fillRect(from, plot.top + plot.height - BAND, Math.max(1, to - from + 0.5), BAND);
  });
  ctx.beginPath();
  curve.x.forEach((x, i) => (i === 0 ? ctx.moveTo(frame.x(x), frame.y(curve.f[i])) : ctx.lineTo(frame.x(x), frame.y(curve.f[i]))));
  ctx.strokeStyle = '#333333';
  ctx.lineWidth = 2;
  ctx.stroke();
  for (const b of [...result.summary.basins].sort((p, q) => Number(p.global) - Number(q.global))) drawMinimum(ctx as Ctx, frame.x(b.x[0]), frame.y(b.f), b.global);
  ctx.restore();
  drawAxes(ctx as Ctx, frame, { x: 'x0 (band: the basin each start reaches)', y: 'f(x)' });
  const o = descent.optimizer;
  drawTitle(ctx as Ctx, `${objective.title}: basins of attraction`, `${formatOptimizer(o)}, at most ${descent.maxIter} iterations; ${starts}`, plot.left, SIZE.width - plot.left - 16);
  return colours;
}
