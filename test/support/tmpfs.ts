import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small real file system of its own, for filling it up or making it read-only. */
export interface Tmpfs {
  dir: string;
  remount(mode: 'ro' | 'rw'): void;
  unmount(): void;
}

/**
 * Mounts a tmpfs of `size` (as mount's size=, e.g. '1m') on a new directory. Needs root with
 * CAP_SYS_ADMIN (CI runs as root); elsewhere returns the reason it cannot, for the skip message.
 */
export function mountTmpfs(size: string): Tmpfs | { reason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'basinmap-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmdirSync(dir);
    return { reason: `cannot mount a tmpfs (${(r.stderr || r.error?.message || `exit ${r.status}`).trim()}): needs root with CAP_SYS_ADMIN` };
  }
  const run = (args: string[]) => {
    const m = spawnSync(args[0], args.slice(1), { encoding: 'utf8' });
    if (m.status !== 0) throw new Error(`${args.join(' ')}: ${m.stderr}`);
  };
  return {
    dir,
    remount: (mode) => run(['mount', '-o', `remount,${mode}`, dir]),
    unmount() {
      // Lazy (-l) so that a child process still holding a file there cannot keep it mounted.
      run(['umount', '-l', dir]);
      rmdirSync(dir);
    },
  };
}
