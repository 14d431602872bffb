import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { size } from './format.ts';
import { machineLine } from './machine.ts';
import type { BenchReport } from './report.ts';

const PANEL_W = 660;
const PANEL_H = 460;
const HEADER_H = 56;
const MARGIN = { left: 78, right: 132, top: 50, bottom: 66 };
const FONT = '"DejaVu Sans", Arial, sans-serif';

// Fixed colours per name, so one backend looks the same in every chart.
const COLOURS: Record<string, string> = {
  cpu: '#6b6b6b',
  wasm: '#1f6fd1',
  webgpu: '#1a9b4b',
  tensorflow: '#e08a00',
  'tensorflow-gpu': '#c23b22',
  'peer:numpy': '#7b3fb5',
  'peer:torch': '#d6336c',
  'peer:jax': '#0f9e9e',
  'peer:c': '#8a5a00',
};

interface Series {
  name: string;
  dashed: boolean;
  points: { n: number; median: number; min: number; max: number }[];
}

/**
 * Throughput against batch size, log-log, one panel per workload measured at two or more sizes,
 * one line per backend (peers dashed, on the headline panel), min..max of the repeats as bars.
 * Returns PNG bytes.
 */
export async function renderChart(r: BenchReport): Promise<Buffer> {
  const panels = r.workloads
    .map((w) => ({ w, series: seriesOf(r, w.name) }))
    .filter((p) => p.series.some((s) => s.points.length > 0));
  const cols = panels.length > 1 ? 2 : 1;
  const rows = Math.max(1, Math.ceil(panels.length / cols));
  const canvas = createCanvas(cols * PANEL_W, HEADER_H + rows * PANEL_H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#111111';
  ctx.font = `bold 16px ${FONT}`;
  ctx.fillText('basinmap bench: throughput against batch size (log-log, higher is faster)', 14, 24, canvas.width - 28);
  ctx.font = `12px ${FONT}`;
  ctx.fillStyle = '#444444';
  ctx.fillText(`${machineLine(r.machine)}; ${r.createdAt.slice(0, 10)}`, 14, 44, canvas.width - 28);
  if (panels.length === 0) {
    ctx.fillText('no cell was measured', 14, HEADER_H + 30);
  }
  panels.forEach((p, k) => {
    const x0 = (k % cols) * PANEL_W;
    const y0 = HEADER_H + Math.floor(k / cols) * PANEL_H;
    const skipped = r.cells.filter((c) => c.workload === p.w.name && c.status !== 'ok').map((c) => `${c.backend} ${size(c.n)}`);
    drawPanel(ctx, x0, y0, `${p.w.name}: ${p.w.title}`, p.series, skipped);
  });
  return canvas.encode('png');
}

function seriesOf(r: BenchReport, workload: string): Series[] {
  const out: Series[] = [];
  for (const b of [...new Set(r.cells.map((c) => c.backend))]) {
    const cells = r.cells.filter((c) => c.workload === workload && c.backend === b && c.status === 'ok').sort((x, y) => x.n - y.n);
    out.push({ name: b, dashed: false, points: cells.map((c) => ({ n: c.n, ...c.pointIterationsPerSecond! })) });
  }
  if (workload === r.peerWorkload) {
    for (const name of [...new Set(r.peers.map((p) => p.peer))]) {
      const ps = r.peers.filter((p) => p.peer === name && p.status === 'ok').sort((x, y) => x.n - y.n);
      out.push({
        name: `peer:${name}`,
        dashed: true,
        points: ps.map((p) => {
          const runs = p.runs?.length ? p.runs : [p.pointIterationsPerSecond!];
          return { n: p.n, median: p.pointIterationsPerSecond!, min: Math.min(...runs), max: Math.max(...runs) };
        }),
      });
    }
  }
  return out.filter((s) => s.points.length > 0);
}

function drawPanel(ctx: SKRSContext2D, x0: number, y0: number, title: string, series: Series[], skipped: string[]): void {
  const all = series.flatMap((s) => s.points);
  const ns = all.map((p) => p.n);
  const ys = all.flatMap((p) => [p.min, p.max]);
  // Whole decades on both axes, so gridlines fall on round numbers.
  const xlo = Math.floor(Math.log10(Math.min(...ns)));
  const xhi = Math.max(xlo + 1, Math.ceil(Math.log10(Math.max(...ns))));
  const ylo = Math.floor(Math.log10(Math.min(...ys)));
  const yhi = Math.max(ylo + 1, Math.ceil(Math.log10(Math.max(...ys))));
  const left = x0 + MARGIN.left;
  const right = x0 + PANEL_W - MARGIN.right;
  const top = y0 + MARGIN.top;
  const bottom = y0 + PANEL_H - MARGIN.bottom;
  const px = (n: number) => left + ((Math.log10(n) - xlo) / (xhi - xlo)) * (right - left);
  const py = (v: number) => bottom - ((Math.log10(v) - ylo) / (yhi - ylo)) * (bottom - top);

  ctx.fillStyle = '#111111';
  ctx.font = `bold 14px ${FONT}`;
  ctx.fillText(title, x0 + 14, y0 + 26, PANEL_W - 28);

  ctx.lineWidth = 1;
  ctx.font = `12px ${FONT}`;
  // Faint lines at 2..9 × each decade, so a reader can place a point within a decade.
  ctx.strokeStyle = '#f3f3f3';
  for (let e = xlo; e < xhi; e++) for (let m = 2; m < 10; m++) line(ctx, px(m * 10 ** e), top, px(m * 10 ** e), bottom);
  for (let e = ylo; e < yhi; e++) for (let m = 2; m < 10; m++) line(ctx, left, py(m * 10 ** e), right, py(m * 10 ** e));
  for (let e = xlo; e <= xhi; e++) {
    ctx.strokeStyle = '#e3e3e3';
    line(ctx, px(10 ** e), top, px(10 ** e), bottom);
    ctx.fillStyle = '#333333';
    ctx.textAlign = 'center';
    ctx.fillText(`1e${e}`, px(10 ** e), bottom + 18);
  }
  for (let e = ylo; e <= yhi; e++) {
    ctx.strokeStyle = '#e3e3e3';
    line(ctx, left, py(10 ** e), right, py(10 ** e));
    ctx.fillStyle = '#333333';
    ctx.textAlign = 'right';
    ctx.fillText(`1e${e}`, left - 8, py(10 ** e) + 4);
  }
  ctx.strokeStyle = '#555555';
  ctx.strokeRect(left, top, right - left, bottom - top);
  ctx.textAlign = 'center';
  ctx.fillText('batch size (starts)', (left + right) / 2, bottom + 38);
  ctx.save();
  ctx.translate(x0 + 20, (top + bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText('point-iterations / s', 0, 0);
  ctx.restore();
  ctx.textAlign = 'left';

  for (const s of series) {
    const colour = COLOURS[s.name] ?? '#000000';
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.lineWidth = 2.5;
    ctx.setLineDash(s.dashed ? [7, 5] : []);
    ctx.beginPath();
    s.points.forEach((p, i) => (i === 0 ? ctx.moveTo(px(p.n), py(p.median)) : ctx.lineTo(px(p.n), py(p.median))));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineWidth = 1.5;
    for (const p of s.points) {
      line(ctx, px(p.n), py(p.min), px(p.n), py(p.max));
      ctx.beginPath();
      ctx.arc(px(p.n), py(p.median), 4, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  // Legend in the right margin, in the order of the series.
  ctx.font = `12px ${FONT}`;
  series.forEach((s, i) => {
    const y = top + 10 + i * 18;
    ctx.strokeStyle = COLOURS[s.name] ?? '#000000';
    ctx.lineWidth = 2.5;
    ctx.setLineDash(s.dashed ? [5, 3] : []);
    line(ctx, right + 12, y - 4, right + 38, y - 4);
    ctx.setLineDash([]);
    ctx.fillStyle = '#222222';
    ctx.fillText(s.name.replace('peer:', '') + (s.dashed ? ' (peer)' : ''), right + 44, y, MARGIN.right - 48);
  });
  if (skipped.length > 0) {
    ctx.fillStyle = '#666666';
    ctx.font = `11px ${FONT}`;
    ctx.fillText(`not measured (budget or unavailable): ${skipped.join(', ')}`, x0 + 14, y0 + PANEL_H - 12, PANEL_W - 28);
  }
}

function line(ctx: SKRSContext2D, x1: number, y1: number, x2: number, y2: number): void {
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}
