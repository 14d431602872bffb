import type { BoundaryReport } from './boundary.ts';
import type { ConvergenceTimes } from './convergence.ts';

const f3 = (v: number | null) => (v === null ? '–' : v.toFixed(3));
const f2 = (v: number | null) => (v === null ? '–' : v.toFixed(2));
const interval = (ci: [number, number] | null, f = f2) => (ci === null ? '' : ` [${f(ci[0])}, ${f(ci[1])}]`);
const pct = (v: number) => `${(100 * v).toFixed(v > 0 && v < 0.01 ? 2 : 0)}%`;
const cells = (r: number) => `${r} ${r === 1 ? 'cell' : 'cells'}`;
const range = (v: number[]) => (v.length === 0 ? 'none' : `${v[0]}..${v[v.length - 1]}`);

/** A few lines for the terminal under the basin table: one per measure, verdict last. */
export function formatBoundary(r: BoundaryReport): string {
  const e = r.entropy;
  const t = r.fractalTest;
  const u = r.uncertainty;
  const b = r.boxCounting;
  const w = r.wada;
  const lines = [
    `basin entropy (boxes of ${e.epsilon}^${r.grid.dims.length} points): Sb ${f3(e.Sb)}, Sbb ${f3(e.Sbb)} on ${e.boundaryBoxes}/${e.boxes} boxes; ` +
      (e.log2Criterion === 'fractal' ? 'Sbb > ln 2: fractal boundary' : e.log2Criterion === 'inconclusive' ? 'Sbb ≤ ln 2: inconclusive' : e.log2Criterion),
    `fractal test (Puy et al. 2021, ${t.balls} balls of radius ${t.radius}): ` +
      (t.Sbb === null
        ? t.verdict
        : `Sbb ${f3(t.Sbb)}${interval(t.ci, f3)} vs smooth ${f3(t.smooth.reference)}..${f3(t.smooth.reference + t.smooth.allowance)}: ${t.verdict}`),
    `uncertainty exponent α ${f2(u.alpha)}${interval(u.alphaCi)} (ε ${range(u.epsilons)} cells), boundary dimension ${f2(u.dimension)}${interval(u.dimensionCi)}`,
    `box counting: boundary dimension ${f2(b.dimension)}${interval(b.dimensionCi)} (boxes ${range(b.sizes)} cells)`,
  ];
  if (w.verdict === 'not applicable') lines.push(`Wada: not tested (${w.reason})`);
  else {
    const at = w.radius ?? w.radii[w.radii.length - 1];
    const k = w.radii.indexOf(at);
    lines.push(
      `Wada (merging method, ${w.basins.length} basins): ${w.verdict}` +
        (w.radius === null ? `, ${pct(w.apart[k])} of a boundary farther than ${cells(at)} from another` : ` within ${cells(at)}`) +
        `; all basins within ${cells(at)} of ${pct(w.allMeet[k])} of boundary points`,
    );
  }
  return lines.join('\n');
}

/** One short cell per basin for the basin table: "median 41 (max 230)". */
export function formatConvergence(c: ConvergenceTimes): Map<number, string> {
  return new Map(c.basins.map((b) => [b.basin, `median ${b.median} (max ${b.max})`]));
}
