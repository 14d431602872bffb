import { describe, expect, it } from 'vitest';
import type { TracePaths } from '../../src/descent/trace.ts';
import { traceColumns, traceCsv } from '../../src/plot/trace-csv.ts';
import { parseCsv } from './csv.ts';

const paths: TracePaths = {
  x: [[[2, 1], [1.5, 0.75]], [[-1, 0]]],
  f: [[5, 2.8125], [1]],
  gradNorm: [[4.47, 3.35], [0.1]],
  stop: ['maxiter', 'gtol'],
};

describe('trace CSV', () => {
  it('names x for 1-D and x1..xd above', () => {
    expect(traceColumns(1)).toEqual(['path', 'step', 'x', 'f', 'grad_norm']);
    expect(traceColumns(3)).toEqual(['path', 'step', 'x1', 'x2', 'x3', 'f', 'grad_norm']);
  });

  it('has one row per recorded step, paths numbered from 1 and steps from 0', () => {
    const { header, rows } = parseCsv(traceCsv(paths));
    expect(header).toEqual(traceColumns(2));
    expect(rows).toEqual([
      [1, 0, 2, 1, 5, 4.47],
      [1, 1, 1.5, 0.75, 2.8125, 3.35],
      [2, 0, -1, 0, 1, 0.1],
    ]);
  });

  it('writes float32 values losslessly and non-finite ones as nan/inf', () => {
    const v = Math.fround(0.1);
    const text = traceCsv({ x: [[[v], [Infinity]]], f: [[v, NaN]], gradNorm: [[1, NaN]], stop: ['nonfinite'] });
    const lines = text.trim().split('\n');
    expect(Math.fround(Number(lines[1].split(',')[2]))).toBe(v);
    expect(lines[2]).toBe('1,1,inf,nan,nan');
  });
});
