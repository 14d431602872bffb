import { IoError, UserError } from '../../core/errors.ts';

/** Where a file-system call failed, as the user knows it. */
export interface FsWhere {
  /** The path the user asked for (the final one, never a staging or temporary name). */
  path: string;
  /** What was being done to it: 'writing', 'creating', 'replacing', 'reading'. */
  doing?: string;
  /** The option that chose the path, named in the fix: '--out', '--csv'. */
  option?: string;
}

/** The message for one errno: path, what was being done, and "another --out" (or "another path"). */
type Say = (path: string, doing: string, other: string) => string;

// The path is wrong as given (exit 2): the user fixes the command line.
const USAGE: Record<string, Say> = {
  EISDIR: (p, _d, o) => `${p} is a directory: choose ${o} that names a file`,
  ENOTDIR: (p, _d, o) => `part of ${p} is a file, not a directory: choose ${o}`,
  ENOENT: (p, _d, o) => `the directory of ${p} does not exist: create it or choose ${o}`,
  ENAMETOOLONG: (p, _d, o) => `the name ${p} is too long for the file system: choose ${o}`,
  ELOOP: (p, _d, o) => `${p} goes through a loop of symbolic links: choose ${o}`,
};

// The system refused (exit 74): the user fixes the machine, or goes elsewhere.
const REFUSED: Record<string, Say> = {
  ENOSPC: (p, d, o) => `disk full ${d} ${p}: free space or choose ${o}`,
  EDQUOT: (p, d, o) => `disk quota exceeded ${d} ${p}: free space or choose ${o}`,
  EROFS: (p, d, o) => `read-only file system ${d} ${p}: choose ${o}`,
  EACCES: (p, d, o) => `permission denied ${d} ${p}: fix the permissions or choose ${o}`,
  EPERM: (p, d, o) => `operation not permitted ${d} ${p}: fix the permissions or choose ${o}`,
  EIO: (p, d, o) => `I/O error ${d} ${p} (the disk or network file system failed): check it or choose ${o}`,
  EFBIG: (p, d, o) => `file too large for the file system ${d} ${p}: choose ${o}`,
  EBUSY: (p, d, o) => `${p} is in use or a mount point (${d} it): choose a directory inside it or ${o}`,
  EMFILE: (p, d) => `too many open files ${d} ${p}: raise the limit (ulimit -n) or close other programs`,
  ENFILE: (p, d) => `too many open files on this machine ${d} ${p}: close other programs`,
  ENOTEMPTY: (p, d, o) => `${p} changed while ${d} it (another program wrote into it): choose ${o}`,
};

/**
 * A file-system error as one line naming the path, the problem and the fix: a UserError (exit 2)
 * when the path cannot work as given, an IoError (exit 74) when the system refused. An error
 * without an errno code is returned unchanged.
 */
export function fsError(e: unknown, where: FsWhere): unknown {
  const code = errnoCode(e);
  if (!code) return e;
  const path = shortPath(where.path);
  const doing = where.doing ?? 'writing';
  const other = where.option ? `another ${where.option}` : 'another path';
  const usage = USAGE[code];
  if (usage) return new UserError(usage(path, doing, other));
  const refused = REFUSED[code];
  if (refused) return new IoError(refused(path, doing, other));
  const reason = (e as Error).message.replace(/^[A-Z]+: /, '').split(/[,\n]/)[0];
  return new IoError(`cannot ${verb(doing)} ${path} (${code}: ${reason}): choose ${other}`);
}

/** An errno-carrying error that escaped every command (any syscall, any path) as one line. */
export function escapedFsError(e: unknown): UserError | undefined {
  const err = e as NodeJS.ErrnoException;
  // Only file-system errors carry a path; an errno without one (a socket, a pipe) is no one-liner.
  if (!errnoCode(e) || typeof err.path !== 'string') return undefined;
  const doing = { open: 'opening', read: 'reading', write: 'writing', mkdir: 'creating', rename: 'renaming', unlink: 'removing', scandir: 'listing' }[err.syscall ?? ''] ?? 'using';
  const mapped = fsError(e, { path: err.path, doing });
  return mapped instanceof UserError ? mapped : undefined;
}

export function errnoCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** A path short enough that the whole message stays one readable line (< 300 characters). */
export function shortPath(path: string, max = 110): string {
  if (path.length <= max) return path;
  const tail = Math.floor(max * 0.65);
  return `${path.slice(0, max - tail - 1)}…${path.slice(-tail)}`;
}

function verb(doing: string): string {
  return { writing: 'write', creating: 'create', replacing: 'replace', reading: 'read', opening: 'open', removing: 'remove', renaming: 'rename', listing: 'list' }[doing] ?? 'use';
}
