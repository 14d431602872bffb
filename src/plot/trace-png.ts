import { encodePng, whiteCanvas } from './canvas.ts';
import { traceInput, type TracePictureRequest } from './trace-picture.ts';
import { drawTrace, traceFrame, type TracePlotInput } from './trace-plot.ts';

// The PNG side of trace pictures (Node only): trace-plot.ts draws, trace-picture.ts gathers the input.

/** trace.png for 1-D or 2-D paths: samples f over the plotted range, then draws. */
export async function tracePng(req: TracePictureRequest): Promise<Uint8Array> {
  return renderTrace(await traceInput(req));
}

/** trace-plot.ts's picture as PNG bytes. */
export function renderTrace(input: TracePlotInput): Uint8Array {
  const { width, height } = traceFrame(input);
  const { canvas, ctx } = whiteCanvas(width, height);
  drawTrace(ctx, input);
  return encodePng(canvas);
}
