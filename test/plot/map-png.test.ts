import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'basinmap-png-'));

function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect(Array.from(b.subarray(1, 4))).toEqual([80, 78, 71]);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('basin-map.png from basinmap map', () => {
  it('maps a 2-D slice of a 3-D function with --slice and --at, at --png-size', () => {
    const out = join(tmp(), 'slice');
    const r = runCli(['map', 'rastrigin', '--dim', '3', '--slice', 'x1,x3', '--at', '1', '--grid', '24', '--lr', '0.002', '--png-size', '640x500', '--backend', 'cpu', '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('slice grid 24x24 = 576 starts over x1, x3 at x2 = 1');
    expect(r.stdout).toMatch(/basin-map\.png/);
    expect(pngSize(join(out, 'basin-map.png'))).toEqual([640, 500]);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.starts.n).toBe(576);
  });

  it('skips the picture with --no-png', () => {
    const out = join(tmp(), 'plain');
    const r = runCli(['map', 'himmelblau', '--grid', '20', '--no-png', '--backend', 'cpu', '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    expect(readdirSync(out)).not.toContain('basin-map.png');
  });
});
