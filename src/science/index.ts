// The science of basins (issue #16): boundary measures of grid basin maps and per-basin
// convergence times. Pure functions of labels; nothing here prints or touches Node.
export { labelGrid, type LabelGrid } from './label-grid.ts';
export { basinEntropy, DEFAULT_ENTROPY_BOX, type BasinEntropy } from './basin-entropy.ts';
export { fractalTest, type FractalTest, type FractalTestOptions } from './fractal-test.ts';
export { smoothBallEntropy, discreteBallAllowance } from './smooth-ball.ts';
export { uncertaintyExponent, uncertainFraction, type UncertaintyExponent, type ScaleOptions } from './uncertainty.ts';
export { boxCounting, type BoxCounting } from './box-counting.ts';
export { wadaTest, type WadaTest, type WadaOptions } from './wada.ts';
export { convergenceTimes, type ConvergenceTimes, type BasinTime } from './convergence.ts';
export { analyzeBoundary, type BoundaryReport, type BoundaryOptions } from './boundary.ts';
export { formatBoundary, formatConvergence } from './format.ts';
export { fitLine, type LineFit } from './fit.ts';
