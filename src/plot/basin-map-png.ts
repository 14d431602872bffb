import { drawBasinMap, basinMapFrame, type BasinMapInput } from './basin-map.ts';
import { encodePng, paintPixels, whiteCanvas } from './canvas.ts';
import { basinStripLayout, drawBasinStrip, type BasinStripInput } from './basin-strip.ts';
import { basinMapInput, basinStripInput, type MapPictureRequest } from './map-picture.ts';

// The PNG side of the basin map (Node only): basin-map.ts draws, map-picture.ts gathers the input.

/** basin-map.png for a finished map: samples f over the plane for contours (or along the line of a 1-D map), then draws. */
export async function basinMapPng(req: MapPictureRequest): Promise<Uint8Array> {
  return req.plane ? renderBasinMap(await basinMapInput(req)) : renderBasinStrip(await basinStripInput(req));
}

/** basin-strip.ts's picture (a 1-D map) as PNG bytes. */
export function renderBasinStrip(input: BasinStripInput): Uint8Array {
  const { frame } = basinStripLayout(input);
  const { canvas, ctx } = whiteCanvas(frame.width, frame.height);
  drawBasinStrip(ctx, input);
  return encodePng(canvas);
}

/** basin-map.ts's picture as PNG bytes. */
export function renderBasinMap(input: BasinMapInput): Uint8Array {
  const { width, height } = basinMapFrame(input);
  const { canvas, ctx } = whiteCanvas(width, height);
  drawBasinMap(ctx, input, paintPixels);
  return encodePng(canvas);
}
