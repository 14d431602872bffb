import { encodePng, whiteCanvas } from './canvas.ts';
import { disconnectivityFrame, drawDisconnectivity, type DisconnectivityInput } from './disconnectivity.ts';

/** disconnectivity.png (Node only): disconnectivity.ts's picture as PNG bytes. */
export function renderDisconnectivity(input: DisconnectivityInput): Uint8Array {
  const { width, height } = disconnectivityFrame(input);
  const { canvas, ctx } = whiteCanvas(width, height);
  drawDisconnectivity(ctx, input);
  return encodePng(canvas);
}
