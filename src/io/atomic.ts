import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';

/**
 * Writes a file so that readers only ever see the old file or the whole new one: the content
 * goes to a temporary file in the same directory (same filesystem, so rename is atomic), which is
 * flushed and then renamed over the target. On failure the temporary file is removed.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array | Iterable<string | Uint8Array>): void {
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  let fd = -1;
  try {
    fd = openSync(tmp, 'w');
    const parts = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
    for (const part of parts) writeSync(fd, typeof part === 'string' ? Buffer.from(part) : part);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    renameSync(tmp, path);
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Creates the output directory and proves it is writable before any work starts, so a long run
 * never ends in an unwritable directory.
 */
export function prepareOutputDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.basinmap-write-test-${process.pid}`);
    writeFileAtomic(probe, '');
    rmSync(probe);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UserError(`cannot write to output directory ${dir} (${code}): choose another --out, or fix its permissions`);
  }
}
