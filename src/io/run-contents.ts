import { readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Written last into every run directory: says basinmap made it, which files it holds, and how the run ended. */
export const RUN_MARKER = '.basinmap-run.json';

export interface RunMarker {
  tool: 'basinmap';
  files: string[];
  partial: boolean;
  committedAt: string;
}

// What basinmap wrote into --out before run directories had a marker: such a directory can
// still be replaced, since nothing in it is anyone else's.
const LEGACY_OUTPUTS = new Set(['summary.json', 'starts.csv', 'starts.parquet', 'basin-map.png', 'trace.csv', 'trace.png']);
const LEGACY_DEBRIS = /\.tmp-|^\.basinmap-write-test-/;

/**
 * The entries of an existing --out that basinmap did not write: replacing the directory would
 * delete them, so a run refuses to (and says which) while there are any.
 */
export function foreignEntries(dir: string): string[] {
  const marker = readMarker(dir);
  const ours = new Set([RUN_MARKER, ...(marker?.files ?? [])]);
  return readdirSync(dir).filter((name) => !ours.has(name) && !LEGACY_OUTPUTS.has(name) && !LEGACY_DEBRIS.test(name)).sort();
}

function readMarker(dir: string): RunMarker | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, RUN_MARKER), 'utf8')) as RunMarker;
    return m.tool === 'basinmap' && Array.isArray(m.files) ? m : undefined;
  } catch {
    return undefined;
  }
}

/** The hidden siblings of --out that one run uses: a staging directory, and the old run while it is swapped out. */
export function siblingNames(base: string) {
  const tag = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    lock: `.${base}.lock`,
    staging: `.${base}.staging-${tag}`,
    old: `.${base}.old-${tag}`,
    isStaging: (name: string) => name.startsWith(`.${base}.staging-`),
    isOld: (name: string) => name.startsWith(`.${base}.old-`),
  };
}

/**
 * Cleans up after a run of this --out that died without cleaning up (SIGKILL, power loss). Only
 * called with the lock held, so every staging directory found is a dead run's. An old run moved
 * aside is put back when the new one never arrived (a death between the two renames of a
 * commit), else removed. Returns what it did, for a note.
 */
export function recoverSiblings(parent: string, out: string, names: ReturnType<typeof siblingNames>): string[] {
  const done: string[] = [];
  for (const name of readdirSync(parent)) {
    const path = join(parent, name);
    if (names.isStaging(name)) {
      rmSync(path, { recursive: true, force: true });
      done.push(`removed ${name}, the unfinished output of a run that died`);
    } else if (names.isOld(name)) {
      if (!statSync(out, { throwIfNoEntry: false })) {
        renameSync(path, out);
        done.push(`restored the previous results from ${name}, left by a run that died while replacing them`);
      } else {
        rmSync(path, { recursive: true, force: true });
        done.push(`removed ${name}, left by a run that died after replacing it`);
      }
    }
  }
  return done;
}
