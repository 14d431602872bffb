import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allocateResults } from '../../core/results.ts';
import { STATUS_BY_CODE } from '../../core/status.ts';
import { endpointsChunks, openEndpoints, readEndpoints } from '../../src/cluster/endpoints-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'basinmap-endpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('endpoints.bin, the exact rows of a shard', () => {
  const n = 1000;
  const d = 3;
  const r = allocateResults(n, d);
  const specials = [NaN, Infinity, -Infinity, -0, 1e-45, 3.4028234663852886e38];
  for (let i = 0; i < n * d; i++) {
    r.x0[i] = Math.fround(Math.sin(i) * 5);
    r.x[i] = i < specials.length ? specials[i] : Math.fround(Math.cos(i) * 1e-3);
  }
  for (let i = 0; i < n; i++) {
    r.fun[i] = i % 11 === 0 ? NaN : Math.fround(i / 7);
    r.gradNorm[i] = Math.fround(1 / (i + 1));
    r.nit[i] = i * 3;
    r.status[i] = i % STATUS_BY_CODE.length;
  }
  const path = join(dir, 'endpoints.bin');
  // 64 rows a chunk: the chunking must not show in the file.
  const chunks = [...endpointsChunks(r, 64)];
  writeFileSync(path, Buffer.concat(chunks));

  it('reads back every column bit for bit (NaN, infinities, −0 and subnormals included)', () => {
    const back = readEndpoints(path).results;
    expect(back.n).toBe(n);
    expect(back.d).toBe(d);
    for (const key of ['x0', 'x', 'fun', 'gradNorm'] as const) {
      expect(new Uint32Array(back[key].buffer)).toEqual(new Uint32Array(r[key].buffer));
    }
    expect(back.nit).toEqual(r.nit);
    expect(back.status).toEqual(r.status);
  });

  it('is the same bytes however it was chunked, and its checksum is the file\'s sha256', () => {
    expect(Buffer.concat([...endpointsChunks(r)])).toEqual(readFileSync(path));
    expect(readEndpoints(path).sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
  });

  it('gives any range of rows as one read', () => {
    const f = openEndpoints(path);
    try {
      expect(f.rows).toBe(n);
      const whole = readFileSync(path);
      expect(Buffer.from(f.readBytes(10, 5))).toEqual(whole.subarray(16 + 10 * 40, 16 + 15 * 40));
      expect(() => f.readBytes(999, 2)).toThrow(RangeError);
    } finally {
      f.close();
    }
  });

  it('refuses a file cut short and one that is not an endpoints file', () => {
    const cut = join(dir, 'cut.bin');
    writeFileSync(cut, readFileSync(path));
    truncateSync(cut, 16 + 40 * 10 + 7);
    expect(() => openEndpoints(cut)).toThrow(/cut short/);
    const other = join(dir, 'other.bin');
    writeFileSync(other, 'start,x0_1\n0,1\n');
    expect(() => openEndpoints(other)).toThrow(/not an endpoints file/);
  });
});

describe('endpoints.bin of a float64 run', () => {
  const n = 300;
  const d = 2;
  const r = allocateResults(n, d, 'float64');
  const specials = [NaN, Infinity, -Infinity, -0, 5e-324, 1.7976931348623157e308];
  for (let i = 0; i < n * d; i++) {
    r.x0[i] = Math.fround(Math.sin(i) * 5);
    // Values float32 cannot hold: a float32 record would round them.
    r.x[i] = i < specials.length ? specials[i] : Math.cos(i) * 1e-3 + 1e-12;
  }
  for (let i = 0; i < n; i++) {
    r.fun[i] = i % 11 === 0 ? NaN : i / 7;
    r.gradNorm[i] = 1 / (i + 3);
    r.nit[i] = i * 3;
    r.status[i] = i % STATUS_BY_CODE.length;
  }
  const path = join(dir, 'endpoints64.bin');
  writeFileSync(path, Buffer.concat([...endpointsChunks(r, 50)]));

  it('says float64 in its header and reads back every float64 bit for bit', () => {
    expect(openEndpoints(path).dtype).toBe('float64');
    const back = readEndpoints(path).results;
    expect(back.x).toBeInstanceOf(Float64Array);
    for (const key of ['x', 'fun', 'gradNorm'] as const) expect(new BigUint64Array(back[key].buffer)).toEqual(new BigUint64Array(r[key].buffer));
    expect(back.x0).toEqual(r.x0);
    expect(back.nit).toEqual(r.nit);
    expect(back.status).toEqual(r.status);
  });
});
