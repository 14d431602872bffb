import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { allocateResults, type StartResults } from '../../core/results.ts';
import type { ResultRows, RowBatch } from '../io/start-rows.ts';
import { ENDPOINTS_FILE, decodeRecords, openEndpoints, recordBytes, type EndpointsReader } from './endpoints-file.ts';
import type { GoodShard } from './survey.ts';

/** Rows read at a time from one shard: about 4 MiB. */
const stepRows = (d: number) => Math.max(1, Math.floor((4 << 20) / recordBytes(d)));

/**
 * Reads every shard's endpoints.bin in order, batch by batch, checking each against the sha256
 * its manifest recorded. Returns the shards whose file is damaged (the caller refuses to merge
 * them); `onRows` sees every start once, in start order.
 */
export function readShardsInOrder(shards: GoodShard[], d: number, onRows: (r: StartResults) => void): Map<number, string> {
  const damaged = new Map<number, string>();
  for (const s of shards) {
    let f: EndpointsReader;
    try {
      f = openEndpoints(join(s.dir, ENDPOINTS_FILE));
    } catch (e) {
      damaged.set(s.k, `damaged: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      continue;
    }
    try {
      if (f.d !== d || f.rows !== s.manifest.rows) {
        damaged.set(s.k, `damaged: ${ENDPOINTS_FILE} holds ${f.rows} rows of ${f.d}, its manifest says ${s.manifest.rows} of ${d}`);
        continue;
      }
      const hash = createHash('sha256').update(f.header);
      const step = stepRows(d);
      for (let from = 0; from < f.rows; from += step) {
        const bytes = f.readBytes(from, Math.min(step, f.rows - from));
        hash.update(bytes);
        onRows(decodeRecords(bytes, d, undefined, 0, f.dtype));
      }
      if (hash.digest('hex') !== s.manifest.rowsSha256) damaged.set(s.k, `damaged: ${ENDPOINTS_FILE} does not match its checksum`);
    } finally {
      f.close();
    }
  }
  return damaged;
}

/**
 * The merged sweep's rows for the writers (io/start-rows.ts): batches of any size read across
 * shard boundaries, each row with its outcome from the global clustering. Holds one batch at a
 * time; the shards were checked by readShardsInOrder before.
 */
export function shardRows(shards: GoodShard[], n: number, d: number, outcome: Int32Array): ResultRows & { startPoints(): Promise<Pick<StartResults, 'n' | 'd' | 'x0' | 'nit'>> } {
  const rows: ResultRows = {
    n,
    d,
    async *batches(size: number): AsyncGenerator<RowBatch> {
      const readers = shards.map((s) => openEndpoints(join(s.dir, ENDPOINTS_FILE)));
      try {
        let k = 0;
        for (let from = 0; from < n; from += size) {
          const count = Math.min(size, n - from);
          const results = allocateResults(count, d, readers[0]?.dtype);
          for (let filled = 0; filled < count; ) {
            const at = from + filled;
            while (shards[k].manifest.range.to <= at) k++;
            const { from: first, to } = shards[k].manifest.range;
            const take = Math.min(count - filled, to - at);
            decodeRecords(readers[k].readBytes(at - first, take), d, results, filled, readers[k].dtype);
            filled += take;
          }
          yield { start: from, results, outcome: outcome.subarray(from, from + count) };
        }
      } finally {
        for (const r of readers) r.close();
      }
    },
  };
  return {
    ...rows,
    /** Every start's starting point: 4·d bytes a start, held only while the picture is drawn. */
    async startPoints() {
      const x0 = new Float32Array(n * d);
      const nit = new Int32Array(n);
      for await (const b of rows.batches(stepRows(d))) {
        x0.set(b.results.x0, b.start * d);
        nit.set(b.results.nit, b.start);
      }
      return { n, d, x0, nit };
    },
  };
}
