import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BusyError, UserError } from '../../core/errors.ts';
import { openRunDir } from '../../src/io/run-dir.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'basinmap-rundir-'));

/** A pid that is certainly not running: that of a process that has just exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('a run directory', () => {
  it('creates nothing but its lock until the first write, and nothing at all once closed', async () => {
    const parent = tmp();
    const run = openRunDir(join(parent, 'a', 'b', 'run'));
    expect(readdirSync(join(parent, 'a', 'b'))).toEqual(['.run.lock']);
    run.close();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('puts its files in place together on commit, with a marker listing them', async () => {
    const parent = tmp();
    const out = join(parent, 'run');
    const run = openRunDir(out);
    await run.write('a.txt', 'A');
    await run.write('b.txt', ['B', new Uint8Array([0x42])]);
    expect(existsSync(out)).toBe(false);
    expect(run.commit({ partial: true })).toEqual([join(out, 'a.txt'), join(out, 'b.txt')]);
    expect(readdirSync(parent)).toEqual(['run']);
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('BB');
    const marker = JSON.parse(readFileSync(join(out, '.basinmap-run.json'), 'utf8'));
    expect(marker).toMatchObject({ tool: 'basinmap', files: ['a.txt', 'b.txt'], partial: true });
  });

  it('replaces the previous run whole: none of its files remain beside the new ones', async () => {
    const out = join(tmp(), 'run');
    const first = openRunDir(out);
    await first.write('basin-map.png', 'old picture');
    await first.write('summary.json', 'old');
    first.commit();
    const second = openRunDir(out);
    await second.write('summary.json', 'new');
    second.commit();
    expect(readdirSync(out).sort()).toEqual(['.basinmap-run.json', 'summary.json']);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('new');
  });

  it('leaves the previous run untouched when closed without commit', async () => {
    const out = join(tmp(), 'run');
    const first = openRunDir(out);
    await first.write('summary.json', 'old');
    first.commit();
    const second = openRunDir(out);
    await second.write('summary.json', 'new');
    second.close();
    expect(readdirSync(join(out, '..'))).toEqual(['run']);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('old');
  });

  it('refuses a second writer while the first holds it, naming the first', () => {
    const out = join(tmp(), 'run');
    const first = openRunDir(out, { command: 'basinmap map first' });
    const err = catchError(() => openRunDir(out));
    expect(err).toBeInstanceOf(BusyError);
    expect((err as Error).message).toMatch(new RegExp(`is being written by another run \\(pid ${process.pid} on ${hostname()}, since .*: basinmap map first\\)`));
    first.close();
    openRunDir(out).close();
  });

  it('takes over the lock of a process of this host that is no longer running, and says so', () => {
    const parent = tmp();
    const pid = deadPid();
    writeFileSync(join(parent, '.run.lock'), JSON.stringify({ pid, host: hostname(), command: 'basinmap map gone', startedAt: '2020-01-01T00:00:00.000Z' }));
    const notes: string[] = [];
    openRunDir(join(parent, 'run'), { onNote: (line) => notes.push(line) }).close();
    expect(notes).toEqual([expect.stringMatching(new RegExp(`took over the lock of .*run left by pid ${pid} .*no longer running`))]);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('does not judge a lock held on another host: it refuses and says how to clear it', () => {
    const parent = tmp();
    writeFileSync(join(parent, '.run.lock'), JSON.stringify({ pid: deadPid(), host: 'elsewhere', command: 'basinmap map', startedAt: '2020-01-01T00:00:00.000Z' }));
    const err = catchError(() => openRunDir(join(parent, 'run')));
    expect(err).toBeInstanceOf(BusyError);
    expect((err as Error).message).toMatch(/on elsewhere.*or remove .*\.run\.lock if it is gone$/);
  });

  it('cleans up after a run that died: its staging directory goes, a previous run it had moved aside comes back', () => {
    const parent = tmp();
    mkdirSync(join(parent, '.run.staging-1-abc'));
    writeFileSync(join(parent, '.run.staging-1-abc', 'starts.csv'), 'half a fi');
    mkdirSync(join(parent, '.run.old-1-abc'));
    writeFileSync(join(parent, '.run.old-1-abc', 'summary.json'), 'previous');
    const notes: string[] = [];
    openRunDir(join(parent, 'run'), { onNote: (line) => notes.push(line) }).close();
    expect(readdirSync(parent)).toEqual(['run']);
    expect(readFileSync(join(parent, 'run', 'summary.json'), 'utf8')).toBe('previous');
    expect(notes).toHaveLength(2);
  });

  it('writes through a symbolic link into the directory it names, keeping the link', async () => {
    const parent = tmp();
    mkdirSync(join(parent, 'real'));
    symlinkSync(join(parent, 'real'), join(parent, 'link'));
    const run = openRunDir(join(parent, 'link'));
    await run.write('summary.json', 'x');
    run.commit();
    expect(readdirSync(parent).sort()).toEqual(['link', 'real']);
    expect(readFileSync(join(parent, 'link', 'summary.json'), 'utf8')).toBe('x');
  });

  it('refuses paths that cannot be a run directory, each in one line with the fix', () => {
    const parent = tmp();
    writeFileSync(join(parent, 'file'), '');
    expect(messageOf(() => openRunDir(''))).toBe('--out is empty: give a directory, e.g. --out out/run');
    expect(messageOf(() => openRunDir(join(parent, 'file')))).toMatch(/is a file: give a directory/);
    expect(messageOf(() => openRunDir(join(parent, 'file', 'run')))).toMatch(/^part of .*file\/run is a file, not a directory: choose another --out$/);
    expect(messageOf(() => openRunDir(join(parent, 'x'.repeat(300))))).toMatch(/is too long for the file system: choose another --out$/);
    expect(messageOf(() => openRunDir(process.cwd()))).toMatch(/is the current directory or holds it/);
    expect(messageOf(() => openRunDir('/proc/1/run', { option: '--dir' }))).toMatch(/on the proc pseudo file system, which cannot hold files: choose another --dir$/);
  });

  it('names the path the user asked for when a write fails, not the staging one', async () => {
    const parent = tmp();
    const out = join(parent, 'run');
    const run = openRunDir(out);
    await run.write('a.txt', 'A');
    // A real failure: the staging directory vanishes under the writer, so the next create fails.
    for (const name of readdirSync(parent).filter((n) => n.startsWith('.run.staging-'))) rmSync(join(parent, name), { recursive: true });
    const err = await run.write('b.txt', 'B').catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe(`the directory of ${join(out, 'b.txt')} does not exist: create it or choose another --out`);
    run.close();
    expect(readdirSync(parent)).toEqual([]);
    await expect(run.write('c.txt', 'C')).rejects.toThrow(/after close/);
  });
});

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, but nothing was thrown');
}

function messageOf(f: () => unknown): string {
  const e = catchError(f);
  expect(e).toBeInstanceOf(UserError);
  return (e as Error).message;
}
