import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { BusyError } from '../../core/errors.ts';
import { writeAll } from './atomic.ts';
import { shortPath } from './fs-errors.ts';

/** Who holds a lock: written into the lock file, named to anyone refused by it. */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

/**
 * Takes the lock file `lockPath` (created with O_EXCL, so of two writers exactly one succeeds)
 * and returns the function that releases it. A lock left by a process of this host that is no
 * longer running is taken over (told through onNote); any other holder is refused with a
 * BusyError naming it. `shownAs` is what the lock guards, for messages.
 */
export function acquireLock(lockPath: string, shownAs: string, command: string, onNote?: (line: string) => void): () => void {
  const me: LockHolder = { pid: process.pid, host: hostname(), command, startedAt: new Date().toISOString() };
  if (heldHere.has(lockPath)) throw busy(readHolder(lockPath), lockPath, shownAs);
  const release = () => {
    heldHere.delete(lockPath);
    releaseIfMine(lockPath, me);
  };
  // Three rounds: a stale lock taken over in round one, a racing writer's in round two, and the
  // outcome in round three; more would mean locks appear faster than they can be judged.
  for (let round = 0; round < 3; round++) {
    if (tryCreate(lockPath, me)) {
      heldHere.add(lockPath);
      return release;
    }
    const holder = readHolder(lockPath);
    if (holder === 'gone') continue;
    if (!isStale(holder)) throw busy(holder, lockPath, shownAs);
    // Move the stale lock aside (rename is atomic: of two takers one gets ENOENT), then make sure
    // what was moved is the lock judged stale, not one a faster taker created in between.
    const aside = `${lockPath}.stale-${process.pid}`;
    try {
      renameSync(lockPath, aside);
    } catch {
      continue;
    }
    const moved = readHolder(aside);
    if (moved !== 'gone' && moved !== 'unreadable' && moved.pid === holder.pid && moved.startedAt === holder.startedAt) {
      rmSync(aside, { force: true });
      onNote?.(`took over the lock of ${shortPath(shownAs)} left by pid ${holder.pid} (started ${holder.startedAt}), which is no longer running`);
      continue;
    }
    // A live lock was moved: put it back (link fails if yet another writer got in) and give way.
    try {
      linkSync(aside, lockPath);
    } catch {
      // Someone holds the path again; the moved lock's owner will find its lock gone, as after
      // any takeover, and that lock has no more meaning.
    }
    rmSync(aside, { force: true });
    throw busy(moved, lockPath, shownAs);
  }
  throw busy('unreadable', lockPath, shownAs);
}

/** Locks this process holds: its own pid in a lock file is stale only when it is not one of these. */
const heldHere = new Set<string>();

function tryCreate(lockPath: string, me: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeAll(fd, Buffer.from(JSON.stringify(me) + '\n'));
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(lockPath, { force: true });
    throw e;
  }
  closeSync(fd);
  return true;
}

/**
 * The holder named in a lock file; 'gone' when it disappeared meanwhile; 'unreadable' when it is
 * empty or garbled, which it is for the instant between a writer's create and its write: read
 * again after a pause before calling it that.
 */
function readHolder(lockPath: string): LockHolder | 'gone' | 'unreadable' {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const h = JSON.parse(readFileSync(lockPath, 'utf8')) as LockHolder;
      if (Number.isInteger(h.pid) && typeof h.host === 'string') return h;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    }
    // 20 ms × 5: far longer than a create-then-write of 200 bytes takes, even under load.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  return 'unreadable';
}

/**
 * Stale: held by a process of this host that is not running. Our own pid counts as stale (a
 * container restarts with the same small pids) once heldHere says it is not ours. A lock from
 * another host cannot be judged from here.
 */
function isStale(h: LockHolder | 'unreadable'): h is LockHolder {
  if (h === 'unreadable' || h.host !== hostname()) return false;
  if (h.pid === process.pid) return true;
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function releaseIfMine(lockPath: string, me: LockHolder): void {
  const h = readHolder(lockPath);
  if (h !== 'gone' && h !== 'unreadable' && h.pid === me.pid && h.startedAt === me.startedAt && h.host === me.host) rmSync(lockPath, { force: true });
}

function busy(h: LockHolder | 'unreadable' | 'gone', lockPath: string, shownAs: string): BusyError {
  const lock = shortPath(lockPath, 80);
  if (h === 'unreadable' || h === 'gone') {
    return new BusyError(`${shortPath(shownAs, 80)} is locked by ${lock}, which names no process: wait, or remove it if no basinmap run is writing there`);
  }
  const cmd = h.command.length > 60 ? `${h.command.slice(0, 59)}…` : h.command;
  const say = (what: string) => `${shortPath(shownAs, 80)} is being written by another run (pid ${h.pid} on ${h.host}, since ${h.startedAt}${what}): wait for it, or remove ${lock} if it is gone`;
  // One line under 300 characters: the command goes first when paths and host are long.
  const line = say(`: ${cmd}`);
  return new BusyError(line.length < 300 ? line : say(''));
}
