import type { Ctx } from './draw.ts';
import type { Frame } from './frame.ts';

/** f along x as one dark line, lifted where f is not finite: the 1-D pictures' curve (trace and basin strip). */
export function drawCurve(ctx: Ctx, frame: Frame, curve: { x: Float64Array; f: Float32Array }): void {
  ctx.beginPath();
  let pen = false;
  curve.x.forEach((x, i) => {
    const v = curve.f[i];
    if (!Number.isFinite(v)) return void (pen = false);
    if (pen) ctx.lineTo(frame.x(x), frame.y(v));
    else ctx.moveTo(frame.x(x), frame.y(v));
    pen = true;
  });
  ctx.strokeStyle = '#333333';
  ctx.lineWidth = 2;
  ctx.stroke();
}
