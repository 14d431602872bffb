import type { BenchReport } from './report.ts';
import { relativeSpread, spreadOf, type Spread } from './stats.ts';

/** Smallest change ever called real: below 5% two runs on a shared machine routinely differ. */
export const NOISE_FLOOR = 0.05;

export type Verdict = 'faster' | 'slower' | 'within noise' | 'only before' | 'only after' | 'not measured';

/** One cell (or peer) in both files: after ÷ before of the median throughput, and whether that is beyond the noise. */
export interface Change {
  workload: string;
  /** Our backend, or "peer:numpy" for a peer. */
  who: string;
  n: number;
  before?: Pick<Spread, 'median' | 'min' | 'max'>;
  after?: Pick<Spread, 'median' | 'min' | 'max'>;
  ratio?: number;
  /** max(NOISE_FLOOR, relative spread before + relative spread after). */
  threshold?: number;
  /** Whether the two min..max intervals overlap. */
  overlap?: boolean;
  verdict: Verdict;
}

export interface Comparison {
  changes: Change[];
  /** Machine fields that differ between the two files: ratios across machines are not regressions. */
  machineDifferences: string[];
}

/**
 * Cell by cell, after ÷ before. A change is flagged (faster/slower) when the ratio is beyond
 * max(5%, the two cells' relative spreads added): a change smaller than the cells' own repeat
 * scatter cannot be told from noise. The factor is symmetric: 1/1.1 is as far as 1.1.
 */
export function compareReports(before: BenchReport, after: BenchReport): Comparison {
  const a = figures(before);
  const b = figures(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const changes = keys.map((k) => judge(a.get(k), b.get(k)));
  return { changes, machineDifferences: machineDifferences(before, after) };
}

export function judge(before: Figure | undefined, after: Figure | undefined): Change {
  const id = (before ?? after)!;
  const base = { workload: id.workload, who: id.who, n: id.n };
  if (!before?.spread && !after?.spread) return { ...base, verdict: 'not measured' };
  if (!before?.spread) return { ...base, after: after!.spread, verdict: 'only after' };
  if (!after?.spread) return { ...base, before: before.spread, verdict: 'only before' };
  const x = before.spread;
  const y = after.spread;
  const ratio = y.median / x.median;
  const threshold = Math.max(NOISE_FLOOR, relativeSpread(x) + relativeSpread(y));
  const overlap = x.min <= y.max && y.min <= x.max;
  const verdict: Verdict = ratio > 1 + threshold ? 'faster' : 1 / ratio > 1 + threshold ? 'slower' : 'within noise';
  return { ...base, before: x, after: y, ratio, threshold, overlap, verdict };
}

export interface Figure {
  workload: string;
  who: string;
  n: number;
  spread?: Pick<Spread, 'median' | 'min' | 'max'>;
}

function figures(r: BenchReport): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const c of r.cells) {
    const t = c.status === 'ok' ? c.pointIterationsPerSecond : undefined;
    out.set(`${c.workload}|${c.backend}|${c.n}`, { workload: c.workload, who: c.backend, n: c.n, spread: t && { median: t.median, min: t.min, max: t.max } });
  }
  for (const p of r.peers ?? []) {
    const runs = p.runs && p.runs.length > 0 ? p.runs : p.pointIterationsPerSecond !== undefined ? [p.pointIterationsPerSecond] : [];
    const s = p.status === 'ok' && runs.length > 0 ? spreadOf(runs) : undefined;
    // The peer's own median is authoritative (it is what its line reports); runs give the spread.
    const spread = s && { median: p.pointIterationsPerSecond!, min: Math.min(s.min, p.pointIterationsPerSecond!), max: Math.max(s.max, p.pointIterationsPerSecond!) };
    out.set(`${r.peerWorkload}|peer:${p.peer}|${p.n}`, { workload: r.peerWorkload, who: `peer:${p.peer}`, n: p.n, spread });
  }
  return out;
}

function machineDifferences(a: BenchReport, b: BenchReport): string[] {
  const diffs: string[] = [];
  const m = a.machine;
  const n = b.machine;
  const check = (label: string, x: unknown, y: unknown) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) diffs.push(`${label}: ${fmt(x)} → ${fmt(y)}`);
  };
  check('CPU', m.cpuModel, n.cpuModel);
  check('cores', m.cores, n.cores);
  check('memory', m.memoryBytes, n.memoryBytes);
  check('OS', `${m.os.platform} ${m.os.release}`, `${n.os.platform} ${n.os.release}`);
  check('Node', m.node, n.node);
  for (const p of new Set([...Object.keys(m.packages), ...Object.keys(n.packages)])) check(p, m.packages[p], n.packages[p]);
  for (const d of new Set([...Object.keys(m.devices), ...Object.keys(n.devices)])) check(`${d} device`, m.devices[d], n.devices[d]);
  return diffs;
}

function fmt(v: unknown): string {
  return v === undefined ? 'absent' : String(v);
}
