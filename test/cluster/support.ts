import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../support/cli.ts';

/**
 * A single-machine run of `map` with these options, written where a merge of RUN writes
 * (RUN/merged) and then moved to `to`: its summary.json then records the same --out as the
 * merge's, so the two documents can be compared whole, run times aside.
 */
export function singleRun(args: string[], run: string, to: string): void {
  const r = runCli(['map', ...args, '--out', join(run, 'merged')]);
  expect(r.status, r.stderr).toBe(0);
  renameSync(join(run, 'merged'), to);
}

/** summary.json without what differs between two runs of the same sweep: when (createdAt) and how long (seconds). */
export function summaryWithoutTimes(dir: string): Record<string, unknown> {
  const { createdAt, seconds, ...rest } = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  expect(typeof createdAt).toBe('string');
  expect(typeof seconds).toBe('object');
  return rest;
}

/**
 * Asserts that `merged` holds what the single run `single` holds: per-start files and picture
 * byte for byte, summary.json but for times; and but for config.out with `elsewhere` (a copy of
 * the sweep, merged into its own directory).
 */
export function expectSameRun(merged: string, single: string, files: string[], opts: { elsewhere?: boolean } = {}): void {
  for (const f of files) expect(readFileSync(join(merged, f)).equals(readFileSync(join(single, f))), `${f} differs`).toBe(true);
  const [a, b] = [summaryWithoutTimes(merged), summaryWithoutTimes(single)] as { config: { out: string } }[];
  if (opts.elsewhere) {
    expect(a.config.out).not.toBe(b.config.out);
    a.config.out = b.config.out;
  }
  expect(a).toEqual(b);
}
