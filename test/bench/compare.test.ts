import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compareReports, type Change } from '../../src/bench/compare.ts';
import type { BenchReport } from '../../src/bench/report.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const load = (name: string) => JSON.parse(readFileSync(fixture(name), 'utf8')) as BenchReport;
const bin = fileURLToPath(new URL('../../bin/basinmap.js', import.meta.url));

describe('bench --compare on two hand-written files', () => {
  const c = compareReports(load('before.json'), load('after.json'));
  const find = (who: string, n: number, workload = 'rastrigin-2d-gd') => c.changes.find((x) => x.who === who && x.n === n && x.workload === workload) as Change;

  it('divides after by before, cell by cell', () => {
    expect(find('wasm', 1e6).ratio).toBeCloseTo(5.0e6 / 4.0e6, 12);
    expect(find('cpu', 1e6).ratio).toBeCloseTo(1.08, 12);
    expect(find('cpu', 1e4).ratio).toBeCloseTo(1.14 / 1.2, 12);
    expect(find('peer:numpy', 1e6).ratio).toBeCloseTo(1, 12);
  });

  it('takes the noise threshold as max(5%, the two relative half-ranges added)', () => {
    // cpu 1e6: ±0.1e6 around 1e6 and ±0.08e6 around 1.08e6.
    expect(find('cpu', 1e6).threshold).toBeCloseTo(0.1 + 0.08 / 1.08, 12);
    // wasm 1e6: 2.5% + 2% is under the floor.
    expect(find('wasm', 1e6).threshold).toBe(0.05);
  });

  it('flags a change only beyond the noise, symmetrically for slow-downs', () => {
    expect(find('wasm', 1e6)).toMatchObject({ verdict: 'faster', overlap: false });
    // +8% but the repeats of each run scatter ±10% and ±7.4%: not a measured change.
    expect(find('cpu', 1e6)).toMatchObject({ verdict: 'within noise', overlap: true });
    // ×0.95 is 1/1.0526: beyond the 5% floor on the slow side.
    expect(find('cpu', 1e4)).toMatchObject({ verdict: 'slower', overlap: false });
    // +4% with disjoint intervals is still under the 5% floor.
    expect(find('cpu', 100)).toMatchObject({ verdict: 'within noise', overlap: false });
    expect(find('peer:numpy', 1e6).verdict).toBe('within noise');
  });

  it('reports cells measured in one file only, and machine differences', () => {
    expect(find('wasm', 1e6, 'himmelblau-map-1000')).toMatchObject({ verdict: 'only before' });
    expect(find('wasm', 1e6, 'himmelblau-map-1000').ratio).toBeUndefined();
    expect(c.machineDifferences).toEqual(['Node: v20.19.0 → v20.20.2']);
  });

  it('prints the same through the CLI, flagged rows marked', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'bench', '--compare', fixture('before.json'), fixture('after.json')]);
    const row = (who: string, n: string) => stdout.split('\n').find((l) => l.includes(` ${who} `) && l.includes(` ${n} `)) ?? '';
    expect(row('wasm', '1e6')).toMatch(/1\.25×.*5\.0%.*no\s+faster <</);
    expect(row('cpu', '1e4')).toMatch(/0\.95×.*slower <</);
    expect(row('cpu', '1e6')).toMatch(/1\.08×.*17\.4%.*yes\s+within noise$/);
    expect(stdout).toContain('2 of 5 cells changed beyond the noise');
    expect(stdout).toContain('Node: v20.19.0 → v20.20.2');
  });

  it('redraws the table of an earlier file with --from, measuring nothing', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'bench', '--from', fixture('after.json')]);
    expect(stdout).toMatch(/wasm\s+1e6\s+100\s+20\.00\s+5\.00e6\s+\[4\.90e6\.\.5\.10e6\]/);
    expect(stdout).toContain('skipped: over budget: predicted 400 s > 120 s');
    expect(stdout).toMatch(/numpy\s+1e6\s+100\s+3\.00e7/);
  });

  it('refuses a file that is not a bench report', async () => {
    const run = promisify(execFile)(process.execPath, [bin, 'bench', '--compare', fixture('before.json'), fileURLToPath(new URL('../../package.json', import.meta.url))]);
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('is not a basinmap bench file') });
  });
});
