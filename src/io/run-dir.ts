import { closeSync, lstatSync, mkdirSync, openSync, fsyncSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { fsyncDir, writeAll, writeNewFile, type AsyncChunks } from './atomic.ts';
import { makeDirs, nearestExisting, refusePseudoFs, removeDirs } from './destination.ts';
import { onExit } from './exit-cleanup.ts';
import { fsError, shortPath } from './fs-errors.ts';
import { acquireLock } from './lock.ts';
import { RUN_MARKER, foreignEntries, recoverSiblings, siblingNames, type RunMarker } from './run-contents.ts';

export interface RunDirOptions {
  /** The option that named the directory, for messages (default '--out'). */
  option?: string;
  /** The command line, recorded in the lock so that a refused writer learns who holds it. */
  command?: string;
  /** Lines the user should see (a stale lock taken over, debris of a dead run removed). The library never prints. */
  onNote?: (line: string) => void;
}

/**
 * An output directory written as one unit: readers of `out` see the complete previous run or
 * the complete new one, never a mix, and never files of the previous run beside the new one.
 *
 * Opening it takes a lock file beside `out` (one writer at a time; this also proves, before any
 * long work, that the place is writable) and creates nothing else. The first write creates a
 * hidden staging directory beside `out` (same file system, so renames are atomic); commit moves
 * the previous run aside, the staging directory into place, and then deletes the previous run.
 * close() without commit removes everything the run created, and so does process exit on any
 * path (see exit-cleanup.ts), so an error or a second Ctrl-C leaves `out` as it was.
 *
 * An existing `out` is replaced whole, so it must hold only what basinmap wrote there (a
 * directory with other files is refused at open, naming them).
 */
export class RunDir {
  /** The directory as it was given, for messages and the paths returned. */
  readonly path: string;
  private readonly option: string;
  private readonly abs: string;
  private readonly parent: string;
  private readonly names: ReturnType<typeof siblingNames>;
  private readonly files: string[] = [];
  private staging: string | undefined;
  private state: 'open' | 'committed' | 'closed' = 'open';
  private readonly releaseLock: () => void;
  private readonly createdParents: string[];
  private readonly forgetExit: () => void;
  private readonly onNote?: (line: string) => void;

  /** Use openRunDir. */
  constructor(out: string, abs: string, opts: RunDirOptions, createdParents: string[], releaseLock: () => void) {
    this.path = out;
    this.abs = abs;
    this.option = opts.option ?? '--out';
    this.onNote = opts.onNote;
    this.parent = dirname(abs);
    this.names = siblingNames(basename(abs));
    this.createdParents = createdParents;
    this.releaseLock = releaseLock;
    this.forgetExit = onExit(() => this.close());
  }

  /** Stages one file of the run (a plain name, written once); returns the path it will have once committed. */
  async write(name: string, content: AsyncChunks): Promise<string> {
    if (this.state !== 'open') throw new Error(`RunDir.write(${name}) after ${this.state === 'committed' ? 'commit' : 'close'}`);
    if (!/^[^./\\][^/\\]*$/.test(name) || this.files.includes(name)) throw new Error(`RunDir.write: "${name}" is not a new plain file name`);
    const shownAs = join(this.path, name);
    const staging = this.ensureStaging(shownAs);
    await writeNewFile(join(staging, name), content, { shownAs, option: this.option });
    this.files.push(name);
    return shownAs;
  }

  /**
   * Puts the staged files in place of `out` as one unit, with a marker recording them and
   * whether the run was `partial` (interrupted); returns their paths. Synchronous from start to
   * end, so no signal handler can run in the middle of it.
   */
  commit(opts: { partial?: boolean } = {}): string[] {
    if (this.state !== 'open') throw new Error(`RunDir.commit after ${this.state === 'committed' ? 'commit' : 'close'}`);
    const shown = { path: this.path, doing: 'replacing', option: this.option };
    const staging = this.ensureStaging(this.path);
    try {
      const marker: RunMarker = { tool: 'basinmap', files: this.files, partial: opts.partial ?? false, committedAt: new Date().toISOString() };
      const fd = openSync(join(staging, RUN_MARKER), 'wx');
      try {
        writeAll(fd, Buffer.from(JSON.stringify(marker, null, 2) + '\n'));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      fsyncDir(staging);
      this.swapIn(staging);
    } catch (e) {
      this.close();
      throw fsError(e, shown);
    }
    return this.files.map((f) => join(this.path, f));
  }

  /** Abandons an uncommitted run: removes its staging directory, its lock and the parents it made. Idempotent. */
  close(): void {
    if (this.state !== 'open') return;
    this.state = 'closed';
    if (this.staging) rmSync(this.staging, { recursive: true, force: true });
    this.staging = undefined;
    this.releaseLock();
    removeDirs(this.createdParents);
    this.forgetExit();
  }

  private ensureStaging(shownAs: string): string {
    if (this.staging) return this.staging;
    const staging = join(this.parent, this.names.staging);
    try {
      mkdirSync(staging);
    } catch (e) {
      throw fsError(e, { path: shownAs, option: this.option });
    }
    return (this.staging = staging);
  }

  /** The two renames; from the moment the new run is in place the commit has happened, whatever follows. */
  private swapIn(staging: string): void {
    const existed = !!statSync(this.abs, { throwIfNoEntry: false });
    // Checked again: files put into the old run while this one ran would be deleted with it.
    const foreign = existed ? foreignEntries(this.abs) : [];
    const old = join(this.parent, this.names.old);
    if (existed) renameSync(this.abs, old);
    try {
      renameSync(staging, this.abs);
    } catch (e) {
      if (existed) renameSync(old, this.abs);
      throw e;
    }
    this.state = 'committed';
    this.staging = undefined;
    try {
      fsyncDir(this.parent);
      if (!existed) return;
      if (foreign.length === 0) {
        rmSync(old, { recursive: true, force: true });
        return;
      }
      const kept = `${this.abs}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(old, kept);
      this.onNote?.(`${shortPath(this.path, 80)} held files basinmap did not write (${foreign.slice(0, 3).join(', ')}): the previous run is kept in ${shortPath(kept, 80)}`);
    } catch (e) {
      // The new run is in place; what is left of the old one is removed by the next run's open.
      this.onNote?.(`the new run is in ${shortPath(this.path, 80)}, but tidying up after it failed (${(e as Error).message.split('\n')[0].slice(0, 80)})`);
    } finally {
      // Released only now: the next writer must not find this run's old directory half removed.
      this.releaseLock();
      this.forgetExit();
    }
  }
}

/**
 * Opens `out` for one run (see RunDir): checks the path, takes the lock beside it, cleans up
 * after a dead earlier run. Throws one line naming the problem and the fix: UserError when the
 * path cannot work as given, IoError when the system refuses, BusyError when another run holds it.
 */
export function openRunDir(out: string, opts: RunDirOptions = {}): RunDir {
  const option = opts.option ?? '--out';
  if (out.trim() === '') throw new UserError(`${option} is empty: give a directory, e.g. ${option} out/run`);
  const shown = { path: out, option, doing: 'writing' };
  let abs: string;
  let createdParents: string[] = [];
  let release: (() => void) | undefined;
  try {
    abs = realDirectoryPath(out, option);
    const { existing, missing } = nearestExisting(abs);
    if (missing.length === 0) {
      const st = statSync(abs);
      if (!st.isDirectory()) throw new UserError(`${option} ${shortPath(out)} is a file: give a directory (it is created, or replaced with this run's files)`);
      // A mount point cannot be renamed, so it could not be replaced at the end: say so now.
      if (st.dev !== statSync(dirname(abs)).dev) throw new UserError(`${option} ${shortPath(out)} is a mount point, which a run cannot replace: give a directory inside it, e.g. ${option} ${join(out, 'run')}`);
      const foreign = foreignEntries(abs);
      if (foreign.length > 0) {
        const list = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? `, and ${foreign.length - 3} more` : '');
        throw new UserError(`${option} ${shortPath(out, 80)} holds files basinmap did not write (${list}), which replacing it would delete: move them, or choose another ${option}`);
      }
    }
    if (!statSync(existing).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    refusePseudoFs(existing, out, option);
    createdParents = makeDirs(existing, missing.slice(0, -1));
    const names = siblingNames(basename(abs));
    release = acquireLock(join(dirname(abs), names.lock), out, opts.command ?? `pid ${process.pid}`, opts.onNote);
    for (const line of recoverSiblings(dirname(abs), abs, names)) opts.onNote?.(line);
  } catch (e) {
    release?.();
    removeDirs(createdParents);
    throw fsError(e, shown);
  }
  return new RunDir(out, abs, { ...opts, option }, createdParents, release);
}

/**
 * `out` as an absolute path, through a symbolic link to the directory it names (replacing the
 * link itself would break what it links), refusing the current directory and its ancestors
 * (replacing them would pull the ground from under the shell that ran us) and the root.
 */
function realDirectoryPath(out: string, option: string): string {
  let abs = resolve(out);
  if (lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink()) {
    try {
      abs = realpathSync(abs);
    } catch {
      throw new UserError(`${option} ${shortPath(out)} is a symbolic link to nothing: remove it or choose another ${option}`);
    }
  }
  const cwd = process.cwd();
  if (abs === cwd || cwd.startsWith(abs.endsWith(sep) ? abs : abs + sep) || dirname(abs) === abs) {
    throw new UserError(`${option} ${shortPath(out)} is the current directory or holds it: give a directory of its own, e.g. ${option} ${join(out, 'run')}`);
  }
  return abs;
}
