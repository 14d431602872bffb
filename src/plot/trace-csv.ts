import type { TracePaths } from '../descent/trace.ts';
import { formatFloat32 } from '../io/float.ts';

/** Column names of trace.csv: path (1-based, as the picture numbers them), step, x (or x1..xd), f, grad_norm. */
export function traceColumns(d: number): string[] {
  const xs = d === 1 ? ['x'] : Array.from({ length: d }, (_, j) => `x${j + 1}`);
  return ['path', 'step', ...xs, 'f', 'grad_norm'];
}

/** Every recorded step of every path, one row each, float32 values written losslessly. */
export function traceCsv(paths: TracePaths): string {
  const d = paths.x.find((p) => p.length > 0)?.[0].length ?? 1;
  const lines = [traceColumns(d).join(',')];
  paths.x.forEach((path, k) => {
    path.forEach((p, t) => {
      lines.push([k + 1, t, ...p.map(formatFloat32), formatFloat32(paths.f[k][t]), formatFloat32(paths.gradNorm[k][t])].join(','));
    });
  });
  return lines.join('\n') + '\n';
}
