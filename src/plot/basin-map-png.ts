import { drawBasinMap, basinMapFrame, type BasinMapInput } from './basin-map.ts';
import { encodePng, paintPixels, whiteCanvas } from './canvas.ts';
import { basinMapInput, type MapPictureRequest } from './map-picture.ts';

// The PNG side of the basin map (Node only): basin-map.ts draws, map-picture.ts gathers the input.

/** basin-map.png for a finished map: samples f over the plane for contours, then draws. */
export async function basinMapPng(req: MapPictureRequest): Promise<Uint8Array> {
  return renderBasinMap(await basinMapInput(req));
}

/** basin-map.ts's picture as PNG bytes. */
export function renderBasinMap(input: BasinMapInput): Uint8Array {
  const { width, height } = basinMapFrame(input);
  const { canvas, ctx } = whiteCanvas(width, height);
  drawBasinMap(ctx, input, paintPixels);
  return encodePng(canvas);
}
