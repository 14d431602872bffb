import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneErrorLine, runCli } from '../support/cli.ts';
import { mountTmpfs, type Tmpfs } from '../support/tmpfs.ts';
import { snapshot } from './snapshot.ts';

// Timeouts of 300 s: each test runs the CLI once or twice, which on a loaded 2-core machine
// has taken 45 s; they only catch a hang.
const disk = mountTmpfs('4m');
const skip = 'reason' in disk ? disk.reason : undefined;
if (skip) console.warn(`[skip] read-only file system tests: ${skip}`);

describe.skipIf(!!skip)(`a read-only file system${skip ? ` [skipped: ${skip}]` : ''}`, { timeout: 300_000 }, () => {
  const { dir, remount, unmount } = disk as Tmpfs;
  const run = join(dir, 'run');
  let before: Record<string, string>;
  beforeAll(() => {
    const first = runCli(['map', 'himmelblau', '--grid', '20', '--backend', 'cpu', '--out', run, '--quiet']);
    expect(first.status).toBe(0);
    before = snapshot(run);
    remount('ro');
  });
  afterAll(() => unmount());

  const cases: [string, string[], RegExp][] = [
    ['trace --csv', ['trace', 'poly1d', '--x0', '2', '--csv', join(dir, 'a.csv')], /^basinmap: error: read-only file system writing .*\/a\.csv: choose another --csv$/],
    ['trace --png', ['trace', 'poly1d', '--x0', '2', '--png', join(dir, 'a.png')], /^basinmap: error: read-only file system writing .*\/a\.png: choose another --png$/],
    ['trace --out', ['trace', 'poly1d', '--x0', '2', '--out', join(dir, 'trace')], /^basinmap: error: read-only file system writing .*\/trace: choose another --out$/],
    ['map --out, a new directory', ['map', 'himmelblau', '--grid', '5', '--backend', 'cpu', '--out', join(dir, 'new')], /^basinmap: error: read-only file system writing .*\/new: choose another --out$/],
    ['map --out, the earlier run', ['map', 'himmelblau', '--grid', '5', '--backend', 'cpu', '--out', run], /^basinmap: error: read-only file system writing .*\/run: choose another --out$/],
  ];
  for (const [what, args, message] of cases) {
    it(`refuses ${what} with exit 74 and one line, before any work`, () => {
      const r = runCli(args);
      expect(r.status).toBe(74);
      expect(oneErrorLine(r.stderr)).toMatch(message);
      expect(r.stdout).toBe('');
      expect(readdirSync(dir)).toEqual(['run']);
      expect(snapshot(run)).toEqual(before);
    });
  }

  it('refuses bench --json before measuring anything', () => {
    const r = runCli(['bench', '--sizes', '1e2', '--backends', 'cpu', '--workloads', 'rastrigin-2d-gd', '--repeats', '1', '--json', join(dir, 'bench.json')]);
    expect(r.status).toBe(74);
    expect(oneErrorLine(r.stderr)).toMatch(/^basinmap: error: read-only file system writing .*\/bench\.json: choose another --json$/);
    expect(r.stdout).toBe('');
  });
});
