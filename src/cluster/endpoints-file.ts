import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import type { Dtype } from '../../core/dtype.ts';
import { allocateResults, type StartResults } from '../../core/results.ts';
import { sliceResults } from '../io/start-rows.ts';

/**
 * endpoints.bin: every start's results exactly as computed, for a merge or a resume to read back
 * bit for bit (the CSV's shortest decimals would do for the floats, but parsing them is slow and
 * NaN payloads would not survive). A 16-byte header, "bmendpt1" then d as uint32 and 4 zero
 * bytes, then one record per start, little-endian 32-bit words: x0 (d float32), x (d float32),
 * fun, grad_norm (float32), nit (int32), status (uint32). Rows are records, so a range of starts
 * is one contiguous read, and a checksum of the file is taken while reading it in order.
 * A float64 run's file says 8 in the header's last 4 bytes (0 or 4: float32) and its records hold
 * x0, x, fun and grad_norm as float64 (8-byte words), then nit and status as before: a merge of
 * float64 shards writes the same float64 values as one float64 run.
 */
export const ENDPOINTS_FILE = 'endpoints.bin';
const MAGIC = 'bmendpt1';
export const HEADER_BYTES = 16;

/** Bytes of one start's record. */
export const recordBytes = (d: number, dtype: Dtype = 'float32') => (dtype === 'float64' ? 8 * (2 * d + 3) : 4 * (2 * d + 4));

const dtypeOf = (r: Pick<StartResults, 'x'>): Dtype => (r.x instanceof Float64Array ? 'float64' : 'float32');

function checkEndianness(): void {
  // Typed arrays use the machine's byte order; the file is little-endian. Every platform Node
  // runs basinmap on is (x86-64, arm64), so a big-endian one is refused rather than handled.
  if (endianness() !== 'LE') throw new Error('endpoints.bin is little-endian and this machine is not: merge on a little-endian machine');
}

/** The file as chunks (the header, then about 2 MiB of records at a time), for a RunDir write. */
export function* endpointsChunks(r: StartResults, rowsPerChunk = Math.max(1, Math.floor((2 << 20) / recordBytes(r.d, dtypeOf(r))))): Generator<Uint8Array> {
  checkEndianness();
  const header = new Uint8Array(HEADER_BYTES);
  header.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(header.buffer).setUint32(8, r.d, true);
  if (dtypeOf(r) === 'float64') new DataView(header.buffer).setUint32(12, 8, true);
  yield header;
  for (let from = 0; from < r.n; from += rowsPerChunk) yield encodeRecords(sliceResults(r, from, Math.min(r.n, from + rowsPerChunk)));
}

function encodeRecords(r: StartResults): Uint8Array {
  if (dtypeOf(r) === 'float64') return encodeRecords64(r);
  const { d, n } = r;
  const w = 2 * d + 4;
  const buf = new ArrayBuffer(n * w * 4);
  const f = new Float32Array(buf);
  const u = new Uint32Array(buf);
  const s = new Int32Array(buf);
  for (let i = 0; i < n; i++) {
    const o = i * w;
    for (let j = 0; j < d; j++) {
      f[o + j] = r.x0[i * d + j];
      f[o + d + j] = r.x[i * d + j];
    }
    f[o + 2 * d] = r.fun[i];
    f[o + 2 * d + 1] = r.gradNorm[i];
    s[o + 2 * d + 2] = r.nit[i];
    u[o + 2 * d + 3] = r.status[i];
  }
  return new Uint8Array(buf);
}

/** A float64 run's records: 2d + 2 float64 words, then nit and status in the last 8 bytes. */
function encodeRecords64(r: StartResults): Uint8Array {
  const { d, n } = r;
  const w = 2 * d + 3;
  const buf = new ArrayBuffer(n * w * 8);
  const f = new Float64Array(buf);
  const s = new Int32Array(buf);
  for (let i = 0; i < n; i++) {
    const o = i * w;
    for (let j = 0; j < d; j++) {
      f[o + j] = r.x0[i * d + j];
      f[o + d + j] = r.x[i * d + j];
    }
    f[o + 2 * d] = r.fun[i];
    f[o + 2 * d + 1] = r.gradNorm[i];
    s[2 * (o + 2 * d + 2)] = r.nit[i];
    s[2 * (o + 2 * d + 2) + 1] = r.status[i];
  }
  return new Uint8Array(buf);
}

/** Records (bytes of whole records, of a file of `dtype`) back into results. */
export function decodeRecords(bytes: Uint8Array, d: number, into?: StartResults, at = 0, dtype: Dtype = 'float32'): StartResults {
  checkEndianness();
  into ??= allocateResults(bytes.length / recordBytes(d, dtype), d, dtype);
  if (dtype === 'float64') return decodeRecords64(bytes, d, into, at);
  const w = 2 * d + 4;
  const n = bytes.length / (4 * w);
  // The bytes may sit at any offset of their buffer; a copy aligns them for the 32-bit views.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const f = new Float32Array(aligned.buffer, aligned.byteOffset, n * w);
  const s = new Int32Array(aligned.buffer, aligned.byteOffset, n * w);
  for (let i = 0; i < n; i++) {
    const o = i * w;
    const k = at + i;
    for (let j = 0; j < d; j++) {
      into.x0[k * d + j] = f[o + j];
      into.x[k * d + j] = f[o + d + j];
    }
    into.fun[k] = f[o + 2 * d];
    into.gradNorm[k] = f[o + 2 * d + 1];
    into.nit[k] = s[o + 2 * d + 2];
    into.status[k] = s[o + 2 * d + 3];
  }
  return into;
}

function decodeRecords64(bytes: Uint8Array, d: number, into: StartResults, at: number): StartResults {
  const w = 2 * d + 3;
  const n = bytes.length / (8 * w);
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const f = new Float64Array(aligned.buffer, aligned.byteOffset, n * w);
  const s = new Int32Array(aligned.buffer, aligned.byteOffset, 2 * n * w);
  for (let i = 0; i < n; i++) {
    const o = i * w;
    const k = at + i;
    for (let j = 0; j < d; j++) {
      into.x0[k * d + j] = f[o + j];
      into.x[k * d + j] = f[o + d + j];
    }
    into.fun[k] = f[o + 2 * d];
    into.gradNorm[k] = f[o + 2 * d + 1];
    into.nit[k] = s[2 * (o + 2 * d + 2)];
    into.status[k] = s[2 * (o + 2 * d + 2) + 1];
  }
  return into;
}

/** An open endpoints.bin: its dimension and row count, and reads of ranges of its rows. */
export interface EndpointsReader {
  d: number;
  /** The run's arithmetic, as the header says (float32 for files of older versions). */
  dtype: Dtype;
  rows: number;
  /** Bytes of rows [from, from + count) as they are in the file. */
  readBytes(from: number, count: number): Uint8Array;
  /** The header's bytes (a checksum of the file starts with them). */
  header: Uint8Array;
  close(): void;
}

/**
 * Opens an endpoints.bin and checks its header and size; a problem is thrown as an Error whose
 * message names it in a few words (the caller says which shard).
 */
export function openEndpoints(path: string): EndpointsReader {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const header = new Uint8Array(HEADER_BYTES);
    if (readSync(fd, header, 0, HEADER_BYTES, 0) !== HEADER_BYTES || new TextDecoder().decode(header.subarray(0, 8)) !== MAGIC) throw new Error(`${ENDPOINTS_FILE} is not an endpoints file`);
    const d = new DataView(header.buffer).getUint32(8, true);
    const width = new DataView(header.buffer).getUint32(12, true);
    if (width !== 0 && width !== 4 && width !== 8) throw new Error(`${ENDPOINTS_FILE} has an unknown float width ${width}`);
    const dtype: Dtype = width === 8 ? 'float64' : 'float32';
    const rec = recordBytes(d, dtype);
    if (d < 1 || (size - HEADER_BYTES) % rec !== 0) throw new Error(`${ENDPOINTS_FILE} is cut short (${size} bytes is not a whole number of records)`);
    const rows = (size - HEADER_BYTES) / rec;
    return {
      d,
      dtype,
      rows,
      header,
      readBytes(from, count) {
        if (from < 0 || count < 0 || from + count > rows) throw new RangeError(`rows [${from}, ${from + count}) outside [0, ${rows})`);
        const buf = new Uint8Array(count * rec);
        for (let done = 0; done < buf.length; ) {
          const got = readSync(fd, buf, done, buf.length - done, HEADER_BYTES + from * rec + done);
          if (got <= 0) throw new Error(`${ENDPOINTS_FILE} ended early`);
          done += got;
        }
        return buf;
      },
      close: () => closeSync(fd),
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** A whole endpoints.bin as results (what a resume starts from), and the file's sha256 (hex). */
export function readEndpoints(path: string): { results: StartResults; sha256: string } {
  const f = openEndpoints(path);
  try {
    const results = allocateResults(f.rows, f.d, f.dtype);
    const hash = createHash('sha256').update(f.header);
    const step = Math.max(1, Math.floor((8 << 20) / recordBytes(f.d)));
    for (let from = 0; from < f.rows; from += step) {
      const bytes = f.readBytes(from, Math.min(step, f.rows - from));
      hash.update(bytes);
      decodeRecords(bytes, f.d, results, from, f.dtype);
    }
    return { results, sha256: hash.digest('hex') };
  } finally {
    f.close();
  }
}
