import { encodePng, whiteCanvas } from './canvas.ts';
import { drawFractions, drawPositions, type ContinuationPlotInput } from './continuation-plot.ts';

// The PNG side of the continuation pictures (Node only).

/** continuation-fractions.png: basin fractions against the parameter, stacked. */
export function fractionsPng(input: ContinuationPlotInput): Uint8Array {
  const { canvas, ctx } = whiteCanvas(input.width, input.height);
  drawFractions(ctx, input);
  return encodePng(canvas);
}

/** continuation-minima.png: every branch's position against the parameter. */
export function positionsPng(input: ContinuationPlotInput): Uint8Array {
  const { canvas, ctx } = whiteCanvas(input.width, input.height);
  drawPositions(ctx, input);
  return encodePng(canvas);
}
