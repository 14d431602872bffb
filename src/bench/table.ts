import { alignTable, bytes, ratio, sci, seconds, size } from './format.ts';
import { machineLine } from './machine.ts';
import type { BenchReport, Cell, PeerResult } from './report.ts';

/** The report as plain text: machine, backends, one table per workload, then the peers. */
export function benchTable(r: BenchReport): string {
  const parts: string[] = [];
  parts.push(`machine: ${machineLine(r.machine)}`);
  parts.push(
    `suite ${r.settings.suite}; ${r.settings.repeats} repeats per cell after 1 warm-up run; budget ${r.settings.budgetSeconds} s per cell; ` +
      `throughput = starts × steps / wall s, median [min..max]; ratios are against cpu in this same run`,
  );
  parts.push(backendLines(r));
  let lastMethod = '';
  for (const w of r.workloads) {
    const cells = r.cells.filter((c) => c.workload === w.name);
    if (cells.length === 0) continue;
    // Workloads measured the same way share one method line.
    const method = w.method === lastMethod ? '  method: as above\n' : `  method: ${w.method}\n`;
    lastMethod = w.method;
    parts.push(`${w.name}: ${w.title} (${w.d}-D, ${w.optimizer})\n${method}` + cellTable(cells));
  }
  if (r.peers.length > 0) parts.push(peerTable(r));
  parts.push(`total ${seconds(r.totalSeconds)} s`);
  return parts.join('\n\n') + '\n';
}

function backendLines(r: BenchReport): string {
  const rows = r.backends.map((b) =>
    b.available ? [b.name, b.device ?? '', b.initSeconds === undefined ? '–' : seconds(b.initSeconds)] : [b.name, `unavailable: ${b.reason}`],
  );
  return 'backends:\n' + alignTable(['backend', 'device', 'init s'], rows, { left: [0, 1] });
}

const CELL_HEADER = ['backend', 'n', 'steps', 's/run', 'pt-it/s', '[min..max]', '× cpu', 'ms/step', 'warm-up s', 'kern/step', 'amort.', 'peak RSS', 'peak tensors'];

function cellTable(cells: Cell[]): string {
  const rows: string[][] = [];
  const sizes = [...new Set(cells.map((c) => c.n))].sort((a, b) => a - b);
  for (const n of sizes) {
    for (const c of cells.filter((x) => x.n === n)) {
      if (c.status !== 'ok') {
        rows.push([c.backend, size(c.n), `${c.status}: ${c.reason ?? ''}`]);
        continue;
      }
      const t = c.pointIterationsPerSecond!;
      rows.push([
        c.backend,
        size(c.n),
        Number.isInteger(c.steps) ? String(c.steps) : c.steps.toFixed(1),
        seconds(c.seconds!.median),
        sci(t.median),
        `[${sci(t.min)}..${sci(t.max)}]`,
        ratio(c.vsCpu),
        sci(c.secondsPerStep! * 1000),
        seconds(c.warmupSeconds),
        String(c.kernelsPerStep),
        c.kernelsPerStepAmortised!.toFixed(1),
        bytes(c.peakRssBytes),
        bytes(c.peakTensorBytes),
      ]);
      if (c.map) {
        const s = c.map.seconds;
        rows.push(['', '', `map: ${c.map.basins} basins; descent ${seconds(s.descent)} s, clustering ${seconds(s.summary)} s, writing ${seconds(s.write)} s`]);
      }
    }
  }
  return alignTable(CELL_HEADER, rows);
}

function peerTable(r: BenchReport): string {
  const ours = [...new Set(r.cells.filter((c) => c.workload === r.peerWorkload && c.status === 'ok').map((c) => c.backend))];
  const header = ['peer', 'n', 'steps', 'pt-it/s', '[min..max]', ...ours.map((b) => `÷ ${b}`), 'device'];
  const rows: string[][] = [];
  for (const name of [...new Set(r.peers.map((p) => p.peer))]) {
    const results = r.peers.filter((p) => p.peer === name);
    // A peer that is missing is missing at every size: one line, not one per size.
    if (results.every((p) => p.status !== 'ok' && p.reason === results[0].reason && p.status === results[0].status)) {
      rows.push([name, 'every n', `${results[0].status}: ${results[0].reason ?? ''}`]);
      continue;
    }
    rows.push(...results.map((p) => peerRow(p, ours)));
  }
  return (
    `peers on ${r.peerWorkload} (same function, lr, n, steps, float32; benchmarks/peers/*.py). ` +
    `"÷ b" = the peer's throughput divided by ours on row b at the same n, measured in this run:\n` +
    alignTable(header, rows, { left: [0, header.length - 1] })
  );
}

function peerRow(p: PeerResult, ours: string[]): string[] {
  if (p.status !== 'ok') return [p.peer, size(p.n), `${p.status}: ${p.reason ?? ''}`];
  const runs = p.runs ?? [p.pointIterationsPerSecond!];
  return [
    p.peer,
    size(p.n),
    String(p.steps),
    sci(p.pointIterationsPerSecond),
    `[${sci(Math.min(...runs))}..${sci(Math.max(...runs))}]`,
    ...ours.map((b) => ratio(p.vs?.[b])),
    p.device ?? '',
  ];
}
