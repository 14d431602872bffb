import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { realTarget } from './destination.ts';
import { onExit } from './exit-cleanup.ts';
import { fsError } from './fs-errors.ts';

/** What a file is written from: text or bytes, whole or as a sequence of chunks. */
export type Chunks = string | Uint8Array | Iterable<string | Uint8Array>;
export type AsyncChunks = Chunks | AsyncIterable<string | Uint8Array>;

/** How a failure names the file: the path the user asked for, and the option that chose it. */
export interface WriteWhere {
  shownAs?: string;
  option?: string;
}

/**
 * Writes a file so that readers only ever see the old file or the whole new one: the content
 * goes to a hidden temporary file beside it (same file system, so the rename is atomic), which
 * is written in full, flushed to disk and then renamed over the target. On any failure, and at
 * exit if the process ends mid-write, the temporary file is removed and the target is untouched.
 * A symbolic link keeps pointing where it did (its target is replaced), and a device or pipe
 * (/dev/null, /dev/stdout) is written in place. A failure is thrown as one line naming the
 * path and the fix (see fsError).
 */
export function writeFileAtomic(path: string, content: Chunks, where: WriteWhere = {}): void {
  const shown = { path: where.shownAs ?? path, option: where.option };
  let target: string;
  try {
    target = realTarget(path);
    const st = statSync(target, { throwIfNoEntry: false });
    if (st && !st.isFile() && !st.isDirectory()) return writeInPlace(target, content, shown);
  } catch (e) {
    throw fsError(e, shown);
  }
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  const forget = onExit(() => rmSync(tmp, { force: true }));
  let fd = -1;
  try {
    fd = openSync(tmp, 'wx');
    for (const part of listOf(content)) writeAll(fd, bytes(part));
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    renameSync(tmp, target);
    fsyncDir(dirname(target));
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    rmSync(tmp, { force: true });
    throw fsError(e, shown);
  } finally {
    forget();
  }
}

function writeInPlace(path: string, content: Chunks, shown: { path: string; option?: string }): void {
  let fd = -1;
  try {
    fd = openSync(path, 'w');
    for (const part of listOf(content)) writeAll(fd, bytes(part));
  } catch (e) {
    throw fsError(e, shown);
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/**
 * Writes a new file (it must not exist) in full and flushes it, yielding to the event loop
 * between chunks so that a signal handler (a second Ctrl-C) can run during a long write. Used
 * inside a private staging directory, where nobody else looks until it is committed. On
 * failure the file is removed and the error names `where.shownAs`.
 */
export async function writeNewFile(path: string, content: AsyncChunks, where: WriteWhere = {}): Promise<void> {
  let fd = -1;
  try {
    fd = openSync(path, 'wx');
    for await (const part of listOf(content)) {
      writeAll(fd, bytes(part));
      await new Promise((resolve) => setImmediate(resolve));
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    rmSync(path, { force: true });
    throw fsError(e, { path: where.shownAs ?? path, option: where.option });
  }
}

/**
 * Writes all of `data`: write(2) may write fewer bytes than asked (it does when a disk fills),
 * so it is called again for the rest; the call after a short write reports the error (ENOSPC).
 */
export function writeAll(fd: number, data: Uint8Array): void {
  let done = 0;
  while (done < data.length) {
    const n = writeSync(fd, data, done, data.length - done);
    if (n <= 0) throw Object.assign(new Error('the file system accepted no bytes'), { code: 'EIO' });
    done += n;
  }
}

/**
 * Flushes a directory's entries (a rename or a new file in it), so that after a crash the
 * directory holds what it held when this returned. File systems that cannot sync a directory
 * (EINVAL, ENOTSUP) have nothing to flush.
 */
export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP') throw e;
  } finally {
    closeSync(fd);
  }
}

function listOf<T>(content: string | Uint8Array | T): T | (string | Uint8Array)[] {
  return typeof content === 'string' || content instanceof Uint8Array ? [content] : (content as T);
}

function bytes(part: string | Uint8Array): Uint8Array {
  return typeof part === 'string' ? Buffer.from(part) : part;
}
