import { readdirSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oneErrorLine, runCli } from '../support/cli.ts';
import { mountTmpfs, type Tmpfs } from '../support/tmpfs.ts';
import { snapshot } from './snapshot.ts';

// Timeouts of 300 s: each test runs the CLI once or twice, which on a loaded 2-core machine
// has taken 45 s; they only catch a hang.
const disk = mountTmpfs('1m');
const skip = 'reason' in disk ? disk.reason : undefined;
if (skip) console.warn(`[skip] disk-full tests: ${skip}`);

describe.skipIf(!!skip)(`a 1 MiB disk that fills up mid-write${skip ? ` [skipped: ${skip}]` : ''}`, { timeout: 300_000 }, () => {
  const { dir, unmount } = disk as Tmpfs;
  afterAll(() => unmount());

  it('fails map with exit 74 and one line saying the disk is full, leaving the earlier results whole and no temporary files', () => {
    const out = join(dir, 'run');
    // 900 starts: about 250 KiB of files, a quarter of the disk.
    const first = runCli(['map', 'himmelblau', '--grid', '30', '--backend', 'cpu', '--out', out, '--quiet']);
    expect(first.status).toBe(0);
    const before = snapshot(out);
    // 10,000 starts: starts.csv alone is about 780 KiB, more than is left beside the first run.
    const second = runCli(['map', 'himmelblau', '--grid', '100', '--backend', 'cpu', '--out', out, '--quiet']);
    expect(second.status).toBe(74);
    expect(oneErrorLine(second.stderr)).toMatch(new RegExp(`^basinmap: error: disk full writing ${out}/(starts\\.csv|basin-map\\.png): free space or choose another --out$`));
    expect(second.stdout).toBe('');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['run']);
  });

  it('refuses the mount point itself as --out before any work: it could not be swapped out at the end', () => {
    const r = runCli(['map', 'himmelblau', '--grid', '5', '--backend', 'cpu', '--out', dir]);
    expect(r.status).toBe(2);
    expect(oneErrorLine(r.stderr)).toBe(`basinmap: error: --out ${dir} is a mount point, which a run cannot replace: give a directory inside it, e.g. --out ${join(dir, 'run')}`);
    expect(readdirSync(dir)).toEqual(['run']);
  });

  it('fails trace --csv the same way, leaving no temporary file', () => {
    const { bavail, bsize } = statfsSync(dir);
    // All but 8 KiB; the CSV of 2,001 steps is about 60 KiB.
    writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 8192)));
    const csv = join(dir, 'trace.csv');
    // A fixed α (no line search, whose exact steps can land on ‖g‖ = 0 and end early): all 2,001 rows.
    const r = runCli(['trace', 'poly1d', '--x0', '2', '--iters', '2000', '--gtol', '0', '--xtol', '0', '--line-search', 'none', '--csv', csv]);
    expect(r.status).toBe(74);
    expect(oneErrorLine(r.stderr)).toBe(`basinmap: error: disk full writing ${csv}: free space or choose another --csv`);
    expect(readdirSync(dir).sort()).toEqual(['filler', 'run']);
  });
});
