import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import type { Box } from '../../src/objectives/types.ts';
import { makeStartSet } from '../../src/starts/index.ts';
import { allRows } from './support.ts';

const box: Box = [
  [-5, 5],
  [-5, 5],
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'basinmap-starts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const load = (file: string, n?: number, b: Box = box) => makeStartSet({ sampler: 'file', file, n }, b);

/** A minimal np.save image: version 1.0 header padded to 64 bytes, then the data. */
function npy(values: number[], shape: number[], descr = '<f4', fortran = false): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  header = header.padEnd(64 - 10 - 1) + '\n';
  const size = descr.endsWith('8') ? 8 : 4;
  const bytes = new Uint8Array(10 + header.length + values.length * size);
  bytes.set([0x93, ...new TextEncoder().encode('NUMPY'), 1, 0, header.length, 0]);
  bytes.set(new TextEncoder().encode(header), 10);
  const view = new DataView(bytes.buffer, 10 + header.length);
  values.forEach((x, k) => (size === 8 ? view.setFloat64(k * 8, x, true) : view.setFloat32(k * 4, x, true)));
  return bytes;
}

describe('the file sampler reads', () => {
  it('a CSV without header, one start per row', async () => {
    const set = await load(await write('plain.csv', '1,2\n-3.5,4e-1\n0,0\n'));
    expect(set.n).toBe(3);
    expect(Array.from(allRows(set))).toEqual([1, 2, -3.5, 0.4, 0, 0].map(Math.fround));
  });

  it('a CSV with a header, blank lines, comments and Windows line ends', async () => {
    const set = await load(await write('header.csv', '# starts\r\nx,y\r\n1, 2\r\n\r\n3 ,4\r\n'));
    expect(Array.from(allRows(set))).toEqual([1, 2, 3, 4]);
  });

  it('whitespace- or semicolon-separated text', async () => {
    expect(Array.from(allRows(await load(await write('ws.txt', '1 2\n3\t4\n'))))).toEqual([1, 2, 3, 4]);
    expect(Array.from(allRows(await load(await write('semi.csv', '1;2\n3;4\n'))))).toEqual([1, 2, 3, 4]);
  });

  it('JSON as an array of rows', async () => {
    const set = await load(await write('rows.json', '[[1, 2], [3, 4], [5, -5]]'));
    expect(Array.from(allRows(set))).toEqual([1, 2, 3, 4, 5, -5]);
  });

  it('JSON as {"starts": [...]}', async () => {
    const set = await load(await write('obj.json', JSON.stringify({ starts: [[0.5, 0.25]], note: 'x' })));
    expect(Array.from(allRows(set))).toEqual([0.5, 0.25]);
  });

  it('JSON or CSV by content when the extension says nothing', async () => {
    expect(Array.from(allRows(await load(await write('starts-json', ' [[1,2]]'))))).toEqual([1, 2]);
    expect(Array.from(allRows(await load(await write('starts-csv', '1,2\n'))))).toEqual([1, 2]);
  });

  it('.npy float32 and float64, C or Fortran order', async () => {
    const values = [1, 2, 3, 4, 5, 0.1];
    const f4 = await load(await write('a.npy', npy(values, [3, 2])));
    expect(Array.from(allRows(f4))).toEqual(values.map(Math.fround));
    const f8 = await load(await write('b.npy', npy(values, [3, 2], '<f8')));
    expect(Array.from(allRows(f8))).toEqual(values.map(Math.fround));
    // Fortran order stores columns: x of all rows first.
    const ft = await load(await write('c.npy', npy([1, 3, 5, 2, 4, 0.1], [3, 2], '<f8', true)));
    expect(Array.from(allRows(ft))).toEqual(values.map(Math.fround));
  });

  it('and splits them like any other set', async () => {
    const set = await load(await write('split.csv', '1,1\n2,2\n3,3\n4,4\n'));
    expect(Array.from(set.rows(1, 2))).toEqual([2, 2, 3, 3]);
    expect(set.rows(4, 0).length).toBe(0);
  });
});

describe('the file sampler and the box', () => {
  it('keeps starts outside the box and counts them', async () => {
    const set = await load(await write('outside.csv', '0,0\n6,0\n-5,5\n0,-5.5\n'));
    expect(set.n).toBe(4);
    expect(set.outOfBox).toBe(2);
    expect(set.describe).toContain('2 outside the box (kept)');
    expect(Array.from(set.rows(1, 1))).toEqual([6, 0]);
  });

  it('counts a start written as an edge that float32 cannot hold as inside', async () => {
    const set = await load(await write('edge.csv', '0.1,0.3\n'), undefined, [
      [0, 0.1],
      [0.3, 1],
    ]);
    expect(set.outOfBox).toBe(0);
  });

  it('accepts n equal to the number of rows', async () => {
    expect((await load(await write('n.csv', '1,2\n3,4\n'), 2)).n).toBe(2);
  });
});

describe('the file sampler rejects with a UserError', () => {
  const rejects = async (file: Promise<string>, pattern: RegExp, n?: number, b: Box = box) => {
    const path = await file;
    const attempt = Promise.resolve().then(() => load(path, n, b));
    await expect(attempt).rejects.toThrowError(UserError);
    await expect(attempt).rejects.toThrowError(pattern);
  };

  it('a missing path', async () => {
    await expect(async () => makeStartSet({ sampler: 'file' }, box)).rejects.toThrowError(/needs a path/);
  });

  it('an unreadable file', async () => {
    await rejects(Promise.resolve(join(dir, 'nope.csv')), /cannot read start file .*nope\.csv \(ENOENT\)/);
  });

  it('an empty file or a header without rows (zero starts)', async () => {
    await rejects(write('empty.csv', ''), /zero starts/);
    await rejects(write('header-only.csv', 'x,y\n'), /zero starts/);
    await rejects(write('empty.json', '[]'), /zero starts/);
  });

  it('ragged CSV rows, naming the line', async () => {
    await rejects(write('ragged.csv', 'x,y\n1,2\n3,4,5\n'), /line 3 has 3 values but line 2 has 2/);
  });

  it('ragged JSON rows, naming the row', async () => {
    await rejects(write('ragged.json', '[[1,2],[3]]'), /row 2 has 1 values but row 1 has 2/);
  });

  it('a column count that differs from the box dimension', async () => {
    await rejects(write('wide.csv', '1,2,3\n4,5,6\n'), /3 columns but the box has 2 axes/);
    await rejects(write('wide.npy', npy([1, 2, 3], [1, 3])), /3 columns but the box has 2 axes/);
  });

  it('non-finite values in CSV, JSON and .npy', async () => {
    await rejects(write('nan.csv', '1,2\n3,nan\n'), /line 2 column 2: NaN is not finite/);
    await rejects(write('inf.csv', '-Infinity,2\n'), /line 1 column 1: -Infinity is not finite/);
    await rejects(write('null.json', '[[1,2],[null,3]]'), /row 2 column 1 is null, not a finite number/);
    await rejects(write('huge.json', '[[1e400,2]]'), /row 1 column 1: Infinity is not finite/);
    await rejects(write('nan.npy', npy([1, NaN], [1, 2])), /row 1 column 2: NaN is not finite/);
  });

  it('values beyond the float32 range', async () => {
    await rejects(write('big.csv', '1e39,0\n'), /1e\+39 overflows float32/);
  });

  it('text that is not a number', async () => {
    await rejects(write('text.csv', '1,2\n3,abc\n'), /line 2 column 2 is 'abc', not a number/);
    await rejects(write('blank-field.csv', '1,2\n3,\n'), /line 2 column 2 is '', not a number/);
    await rejects(write('string.json', '[[1,"2"]]'), /row 1 column 2 is "2", not a finite number/);
  });

  it('invalid JSON and JSON of the wrong shape', async () => {
    await rejects(write('broken.json', '[[1,2],'), /not valid JSON/);
    await rejects(write('shape.json', '{"points": [[1,2]]}'), /neither an array of rows nor \{"starts"/);
    await rejects(write('flat.json', '[1,2]'), /row 1 is 1, not an array/);
  });

  it('.npy files of another dtype or rank', async () => {
    await rejects(write('int.npy', npy([1, 2], [1, 2], '<i4')), /dtype i4 \(need float32 or float64\)/);
    await rejects(write('flat.npy', npy([1, 2], [2])), /not 2-D/);
    await rejects(write('short.npy', npy([1, 2], [2, 2])), /data shorter than its shape/);
  });

  it('an n that disagrees with the file', async () => {
    await rejects(write('n-mismatch.csv', '1,2\n3,4\n'), /holds 2 starts but n = 5/, 5);
  });
});
