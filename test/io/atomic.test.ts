import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { writeFileAtomic } from '../../src/io/atomic.ts';
import { proveWritableFile } from '../../src/io/destination.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'basinmap-atomic-'));

describe('writeFileAtomic', () => {
  it('writes every chunk and leaves only the file', () => {
    const dir = tmp();
    writeFileAtomic(join(dir, 'f.csv'), ['a,b\n', new Uint8Array([0x31, 0x2c, 0x32, 0x0a])]);
    expect(readFileSync(join(dir, 'f.csv'), 'utf8')).toBe('a,b\n1,2\n');
    expect(readdirSync(dir)).toEqual(['f.csv']);
  });

  it('replaces what a symbolic link points to and keeps the link', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'real.csv'), 'old');
    symlinkSync(join(dir, 'real.csv'), join(dir, 'link.csv'));
    writeFileAtomic(join(dir, 'link.csv'), 'new');
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toBe('new');
  });

  it('writes a device such as /dev/null in place instead of replacing it', () => {
    writeFileAtomic('/dev/null', 'discarded');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('fails in one line naming the path and the option, leaving nothing behind', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    expect(messageOf(() => writeFileAtomic(join(dir, 'sub'), 'x', { option: '--csv' }))).toBe(`${join(dir, 'sub')} is a directory: choose another --csv that names a file`);
    expect(messageOf(() => writeFileAtomic(join(dir, 'nope', 'f.csv'), 'x', { option: '--csv' }))).toBe(`the directory of ${join(dir, 'nope', 'f.csv')} does not exist: create it or choose another --csv`);
    expect(readdirSync(dir)).toEqual(['sub']);
  });
});

describe('proveWritableFile', () => {
  it('accepts a new file in an existing directory and creates nothing', () => {
    const dir = tmp();
    proveWritableFile(join(dir, 'a.json'), '--json', 'bench.json');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an empty option, a directory and a missing directory, naming the option', () => {
    const dir = tmp();
    expect(messageOf(() => proveWritableFile('', '--json', 'bench.json'))).toBe('--json is empty: give a file name, e.g. --json bench.json');
    expect(messageOf(() => proveWritableFile(dir, '--json', 'bench.json'))).toBe(`--json ${dir} is a directory: give a file name, e.g. --json ${join(dir, 'bench.json')}`);
    expect(messageOf(() => proveWritableFile(join(dir, 'no', 'a.json'), '--json', 'bench.json'))).toMatch(/^the directory of .*no\/a\.json does not exist: create it or choose another --json$/);
    expect(messageOf(() => proveWritableFile('/proc/self/a.json', '--json', 'bench.json'))).toMatch(/proc pseudo file system/);
  });
});

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected an error, but nothing was thrown');
}
