import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../support/cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'basinmap-saddles-'));
const isPng = (path: string) => Array.from(readFileSync(path).subarray(1, 4)).join(',') === '80,78,71';

describe.concurrent('basinmap map --saddles', () => {
  it('writes saddles.json and disconnectivity.png beside the map, and prints a saddle table', async () => {
    const out = join(tmp(), 'run');
    const r = await runCliAsync(['map', 'himmelblau', '--grid', '40', '--saddles', '--backend', 'wasm', '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^saddle\s+f\s+x\s+joins basins/m);
    expect(r.stdout).toMatch(/4 first-order saddles from \d+ boundary segments/);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['basin-map.png', 'saddles.json', 'disconnectivity.png', 'summary.json']));
    expect(isPng(join(out, 'disconnectivity.png'))).toBe(true);
    const doc = JSON.parse(readFileSync(join(out, 'saddles.json'), 'utf8'));
    expect(doc.saddles).toHaveLength(4);
    expect(doc.saddles.every((s: { known: unknown }) => s.known !== null)).toBe(true);
    expect(doc.knownNotFound).toEqual([]);
    expect(doc.minima).toHaveLength(4);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.saddles.found).toBe(4);
  });

  it('finds the saddles of a 3-D function from a 2-D slice: each one a saddle of the whole function', async () => {
    // Styblinski–Tang in 3-D: every start of the slice x3 = 0 descends to x3 = −2.90, so the
    // slice shows 4 minima, joined by the 4 saddles that have x3 = −2.90 and one coordinate at 0.157.
    const r = await runCliAsync(['map', 'styblinski-tang', '--dim', '3', '--slice', 'x1,x2', '--grid', '30', '--saddles', '--backend', 'wasm', '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.saddles.found).toBe(4);
  });

  it('refuses, in one line, starts that are not on a grid, and --maximize', async () => {
    const [sobol, max] = await Promise.all([
      runCliAsync(['map', 'himmelblau', '--sampler', 'sobol', '--n', '100', '--saddles', '--backend', 'cpu']),
      runCliAsync(['map', 'himmelblau', '--grid', '10', '--maximize', '--saddles', '--backend', 'cpu']),
    ]);
    for (const [r, what] of [[sobol, /--saddles bisects between neighbouring grid starts.*--sampler grid/], [max, /drop --maximize/]] as const) {
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(what);
      expect(r.stderr.length).toBeLessThan(300);
    }
  });
});
