import type { SweepResult } from '../params/sweep.ts';
import { basinColumn } from './starts-csv.ts';
import { parquetCodec, statusVector } from './starts-parquet.ts';

/** Column names of sweep.parquet: the parameters, then starts.parquet's columns, then the branch. */
export function sweepColumns(params: readonly string[], d: number): string[] {
  const axes = Array.from({ length: d }, (_, j) => j + 1);
  return [...params, 'start', ...axes.map((j) => `x0_${j}`), ...axes.map((j) => `x_${j}`), 'fun', 'grad_norm', 'nit', 'status', 'basin', 'branch'];
}

/**
 * sweep.parquet: one row per (parameter point, start), point after point in the grid's order.
 * The parameter columns hold the float32 values the descent used; start numbers the start within
 * the start set (the same x0 at every point); basin is the basin at that point (−1: none, as in
 * starts.parquet); branch is the continuation branch of that basin on the point's line (−1: none).
 */
export async function sweepParquet(r: SweepResult, params: readonly string[], d: number): Promise<Uint8Array> {
  const [arrow, pq] = await Promise.all([import('apache-arrow'), import('parquet-wasm')]);
  const { results } = r;
  const w = results.d;
  const N = results.n;
  const n = N / r.points.length;
  // Float columns in the run's type (float64 in a float64 run), as starts.parquet writes them.
  const F = results.x instanceof Float64Array ? Float64Array : Float32Array;
  const column = (src: ArrayLike<number>, j: number) => {
    const out = new F(N);
    for (let i = 0; i < N; i++) out[i] = src[i * w + j];
    return arrow.makeVector(out);
  };
  const basin = new Int32Array(N);
  const branch = new Int32Array(N).fill(-1);
  const branchIds = branchesByPoint(r);
  r.summaries.forEach((s, k) => {
    for (let i = 0; i < n; i++) {
      basin[k * n + i] = basinColumn(s.outcome[i]);
      if (s.outcome[i] >= 0) branch[k * n + i] = branchIds[k][s.outcome[i]];
    }
  });
  const byName: Record<string, import('apache-arrow').Vector> = {
    start: arrow.makeVector(Int32Array.from({ length: N }, (_, i) => i % n)),
    fun: arrow.makeVector(results.fun.slice()),
    grad_norm: arrow.makeVector(results.gradNorm.slice()),
    nit: arrow.makeVector(results.nit.slice()),
    status: statusVector(arrow, results.status),
    basin: arrow.makeVector(basin),
    branch: arrow.makeVector(branch),
  };
  params.forEach((name, j) => (byName[name] = column(results.x0, d + j)));
  for (let j = 0; j < d; j++) {
    byName[`x0_${j + 1}`] = column(results.x0, j);
    byName[`x_${j + 1}`] = column(results.x, j);
  }
  const table = new arrow.Table(Object.fromEntries(sweepColumns(params, d).map((c) => [c, byName[c]])));
  const wasmTable = pq.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
  return pq.writeParquet(wasmTable, new pq.WriterPropertiesBuilder().setCompression(parquetCodec(arrow, pq)).build());
}

/** Per point, per basin id, its branch id on the point's continuation line. */
export function branchesByPoint(r: SweepResult): number[][] {
  const out = r.summaries.map((s) => new Array<number>(s.basins.length).fill(-1));
  for (const line of r.continuation.lines) {
    for (const b of line.branches) for (const pt of b.points) out[line.points[pt.step]][pt.basin] = b.id;
  }
  return out;
}
