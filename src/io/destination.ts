import { closeSync, lstatSync, mkdirSync, openSync, realpathSync, rmdirSync, rmSync, statSync, statfsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { fsError, shortPath } from './fs-errors.ts';

// statfs f_type of the kernel's pseudo file systems (linux/magic.h). Their entries are views of
// kernel state, not storage, and they answer writes oddly: mkdir in /proc/self fails with ENOENT
// although the parent exists, on which Node's recursive mkdir retries forever (a hang, not an
// error). Refused up front, by name; makeDirs below never loops either way.
const PSEUDO_FS: Record<number, string> = {
  0x9fa0: 'proc', 0x62656572: 'sysfs', 0x1cd1: 'devpts', 0x27e0eb: 'cgroup', 0x63677270: 'cgroup2',
  0x64626720: 'debugfs', 0x74726163: 'tracefs', 0x73636673: 'securityfs', 0xcafe4a11: 'bpf',
  0x6165676c: 'pstore', 0x62656570: 'configfs', 0x65735543: 'fusectl', 0xf97cff8c: 'selinuxfs',
  0xde5e81e4: 'efivarfs', 0x42494e4d: 'binfmt_misc', 0x19800202: 'mqueue', 0x6e736673: 'nsfs',
};

/** The nearest ancestor of `abs` (itself included) that exists, and the names below it that do not. */
export function nearestExisting(abs: string): { existing: string; missing: string[] } {
  const missing: string[] = [];
  for (let p = abs; ; p = dirname(p)) {
    if (statSync(p, { throwIfNoEntry: false })) return { existing: p, missing };
    if (dirname(p) === p) return { existing: p, missing };
    missing.unshift(basename(p));
  }
}

/** Refuses a path on a pseudo file system (/proc, /sys, ...) with one line naming it. */
export function refusePseudoFs(existing: string, shownAs: string, option: string): void {
  const kind = PSEUDO_FS[statfsSync(existing).type];
  if (kind) throw new UserError(`${shortPath(shownAs)} is on the ${kind} pseudo file system, which cannot hold files: choose another ${option}`);
}

/**
 * Creates the directories `missing` below `existing`, one mkdir each (never Node's recursive
 * mkdir, which loops on /proc), and returns the ones it created, top first. On failure it
 * removes what it created and throws.
 */
export function makeDirs(existing: string, missing: string[]): string[] {
  const created: string[] = [];
  let p = existing;
  try {
    for (const name of missing) {
      p = join(p, name);
      mkdirSync(p);
      created.push(p);
    }
  } catch (e) {
    removeDirs(created);
    throw e;
  }
  return created;
}

/** Removes directories made by makeDirs, deepest first, where they are still empty. */
export function removeDirs(created: string[]): void {
  for (const dir of [...created].reverse()) {
    try {
      rmdirSync(dir);
    } catch {
      // Not empty (someone else wrote there) or already gone: it is not ours to remove then.
    }
  }
}

/**
 * The file a single-file output (--csv, --png, --json) really replaces: the target of a
 * symbolic link, so that writing keeps the link and replaces what it points to.
 */
export function realTarget(path: string): string {
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (!st?.isSymbolicLink()) return path;
  try {
    return realpathSync(path);
  } catch {
    return path; // A broken link: writing replaces the link, as it would any missing file.
  }
}

/**
 * Proves, before any long work, that a single-file output can be written: the option is not
 * empty, the path is not a directory, its directory exists on a real file system and accepts a
 * new file (created and removed at once). Throws one line naming the problem and the fix.
 */
export function proveWritableFile(path: string | undefined, option: string, example: string): void {
  if (path === undefined) return;
  if (path.trim() === '') throw new UserError(`${option} is empty: give a file name, e.g. ${option} ${example}`);
  try {
    const target = realTarget(resolve(path));
    const st = statSync(target, { throwIfNoEntry: false });
    if (st?.isDirectory()) throw new UserError(`${option} ${shortPath(path)} is a directory: give a file name, e.g. ${option} ${shortPath(join(path, example))}`);
    // A device or pipe (/dev/null, /dev/stdout) is written in place: nothing to probe.
    if (st && !st.isFile()) return;
    const dir = dirname(target);
    if (!statSync(dir, { throwIfNoEntry: false })) throw Object.assign(new Error('no such directory'), { code: 'ENOENT' });
    refusePseudoFs(dir, path, option);
    const probe = join(dir, `.${basename(target)}.probe-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
    closeSync(openSync(probe, 'wx'));
    rmSync(probe);
  } catch (e) {
    throw fsError(e, { path, option });
  }
}
