import { basinSizes, labelledCount, type LabelGrid } from './label-grid.ts';
import { basinEntropy, DEFAULT_ENTROPY_BOX, type BasinEntropy } from './basin-entropy.ts';
import { boxCounting, type BoxCounting } from './box-counting.ts';
import { fractalTest, type FractalTest, type FractalTestOptions } from './fractal-test.ts';
import { uncertaintyExponent, type ScaleOptions, type UncertaintyExponent } from './uncertainty.ts';
import { wadaTest, type WadaOptions, type WadaTest } from './wada.ts';

/**
 * Every boundary measure of a grid basin map, as one plain JSON-able object (the `boundary`
 * entry of summary.json). Definitions, sources and choices: docs/boundary.md and each module.
 */
export interface BoundaryReport {
  grid: {
    /** Points per axis, axis 1 first; axis 1 varies fastest (label-grid.ts). */
    dims: number[];
    points: number;
    /** Points with a basin label; the others are left out of every measure. */
    labelled: number;
    basins: number;
  };
  entropy: BasinEntropy;
  fractalTest: FractalTest;
  uncertainty: UncertaintyExponent;
  boxCounting: BoxCounting;
  wada: WadaTest;
}

export interface BoundaryOptions {
  /** Basin entropy box side in cells (default 5, as Daza et al. 2016). */
  entropyBox?: number;
  fractalTest?: FractalTestOptions;
  uncertainty?: ScaleOptions;
  boxCounting?: ScaleOptions;
  wada?: WadaOptions;
}

export function analyzeBoundary(g: LabelGrid, opts: BoundaryOptions = {}): BoundaryReport {
  return {
    grid: { dims: [...g.dims], points: g.labels.length, labelled: labelledCount(g), basins: basinSizes(g).size },
    entropy: basinEntropy(g, opts.entropyBox ?? DEFAULT_ENTROPY_BOX),
    fractalTest: fractalTest(g, opts.fractalTest),
    uncertainty: uncertaintyExponent(g, opts.uncertainty),
    boxCounting: boxCounting(g, opts.boxCounting),
    wada: wadaTest(g, opts.wada),
  };
}
