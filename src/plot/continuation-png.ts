import { encodePng, whiteCanvas } from './canvas.ts';
import { drawFractions, drawPositions, type ContinuationPlotInput } from './continuation-plot.ts';

// The PNG side of the continuation pictures (Node only).

/** continuation-fractions.png: basin fractions against the parameter, stacked. */
export function fractionsPng(input: ContinuationPlotInput): Uint8Array {
  const { canvas, ctx } = whiteCanvas(input.width, input.height);
  drawFractions(ctx, input);
  return encodePng(canvas);
}

/**
 * continuation-minima.png: every branch's position against the parameter, one panel per axis
 * (at most 3), each 0.7 of --png-size's height: room for tick labels on every panel.
 */
export function positionsPng(input: ContinuationPlotInput): Uint8Array {
  const height = Math.round(input.height * Math.max(1, 0.7 * Math.min(3, input.variables.length)));
  const { canvas, ctx } = whiteCanvas(input.width, height);
  drawPositions(ctx, { ...input, height });
  return encodePng(canvas);
}
