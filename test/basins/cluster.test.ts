import { describe, expect, it } from 'vitest';
import { clusterPoints } from '../../src/basins/cluster.ts';
import { decideGlobal } from '../../src/basins/classify.ts';
import { OUTCOME } from '../../src/basins/outcome.ts';
import { summarize } from '../../src/basins/summarize.ts';
import { allocateResults } from '../../core/results.ts';
import { STATUS } from '../../core/status.ts';
import { mulberry32 } from '../support/random.ts';


/** n points scattered by ±spread around each centre, interleaved. */
function scatter(centres: number[][], perCentre: number, spread: number, seed = 1): Float32Array {
  const rand = mulberry32(seed);
  const d = centres[0].length;
  const out = new Float32Array(centres.length * perCentre * d);
  for (let k = 0; k < perCentre; k++) centres.forEach((c, ci) => {
    for (let j = 0; j < d; j++) out[(k * centres.length + ci) * d + j] = c[j] + (rand() * 2 - 1) * spread;
  });
  return out;
}

describe('clustering end points', () => {
  it('finds one cluster per well-separated centre', () => {
    const centres = [[0, 0], [1, 1], [-3, 2], [0.05, 0]];
    const x = scatter(centres, 50, 1e-4);
    const { label, leaders } = clusterPoints(x, 2, () => true, 0.01);
    expect(leaders.length).toBe(4);
    for (let i = 0; i < label.length; i++) expect(label[i]).toBe(i % 4);
  });

  it('does not split a cluster that straddles cell walls, in many dimensions', () => {
    // Points around the origin sit on the walls of the hash grid in every axis.
    const d = 10;
    const x = scatter([new Array(d).fill(0)], 200, 1e-3, 7);
    expect(clusterPoints(x, d, () => true, 0.01).leaders.length).toBe(1);
  });

  it('skips points that are excluded', () => {
    const x = new Float32Array([0, 0, 5, 5]);
    const { label } = clusterPoints(x, 2, (i) => i === 1, 0.1);
    expect(Array.from(label)).toEqual([-1, 0]);
  });
});

describe('basin summary', () => {
  function results(points: [number, number, number, number][]) {
    // [x, y, f, status]
    const r = allocateResults(points.length, 2);
    points.forEach(([x, y, f, s], i) => { r.x[2 * i] = x; r.x[2 * i + 1] = y; r.fun[i] = f; r.status[i] = s; });
    return r;
  }
  const box: [number, number][] = [[-5, 5], [-5, 5]];
  const ok = STATUS.gtol.code;

  it('orders basins best first, marks ties for global, and counts the rest', () => {
    const r = results([
      [1, 1, -0.5, ok], [1, 1.0001, -0.5, ok], [-1, -1, -1.0316, ok], [2, 2, -1.03161, ok],
      [0, 0, 9, STATUS.maxiter.code], [9, 9, NaN, STATUS.nonfinite.code], [0, 3, 1, STATUS.escaped.code],
    ]);
    const s = decideGlobal(summarize(r, { box, sense: 'min' }));
    expect(s.basins.map((b) => [b.count, b.global])).toEqual([[1, true], [1, true], [2, false]]);
    // -1.0316 and -1.03161 tie within sqrt(eps32)·(1 + |f|): ordered by x, (-1, -1) first.
    expect(s.basins[0].x).toEqual([-1, -1]);
    expect(s.counts).toEqual({ converged: 4, maxiter: 1, diverged: 2, interrupted: 0 });
    // Each start's outcome: its basin, or maxiter (−2) and diverged (−1) for the unconverged.
    expect(Array.from(s.outcome)).toEqual([2, 2, 0, 1, OUTCOME.maxiter, OUTCOME.diverged, OUTCOME.diverged]);
    expect(s.basins[2].fraction).toBeCloseTo(2 / 7, 12);
  });

  it('under maximize, the largest f is the global one', () => {
    const s = decideGlobal(summarize(results([[0, 0, 1, ok], [3, 3, 5, ok]]), { box, sense: 'max' }));
    expect(s.basins[0].f).toBe(5);
    expect(s.basins.map((b) => b.global)).toEqual([true, false]);
  });

  it('reports the member with the best f as the basin\'s point', () => {
    const s = summarize(results([[1, 1, 0.2, ok], [1.001, 1, 0.1, ok]]), { box, sense: 'min' });
    expect(s.basins[0].x[0]).toBeCloseTo(1.001, 6);
  });
});
