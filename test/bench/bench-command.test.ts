import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport, Cell } from '../../src/bench/report.ts';
import { WORKLOADS } from '../../src/bench/workloads.ts';

const bin = fileURLToPath(new URL('../../bin/basinmap.js', import.meta.url));

/**
 * The peers run for real, with the interpreter the bench would use. Which of them are installed
 * is a fact of the machine, asked of Python itself; the missing ones must show as skipped with
 * the reason, never as a measurement.
 */
const PYTHON = process.env.BASINMAP_PYTHON || '/usr/bin/python3';
const installed = (module: string) => spawnSync(PYTHON, ['-c', `import ${module}`]).status === 0;
/** The C peer needs a compiler with OpenMP (the script compiles it with -fopenmp). */
const CC = (process.env.CC || 'cc').split(/\s+/).filter(Boolean);
const openmp = spawnSync(CC[0], [...CC.slice(1), '-fopenmp', '-x', 'c', '-', '-o', '/dev/null'], { input: 'int main(void) { return 0; }' }).status === 0;
const HAVE = { numpy: installed('numpy'), torch: installed('torch'), jax: installed('jax'), c: openmp };
const PEER_NAMES = ['numpy', 'torch', 'jax', 'c'] as const;
/** What the table says of a peer that cannot run here. */
const MISSING = { numpy: /numpy is not installed/, torch: /torch is not installed/, jax: /jax is not installed/, c: /C compiler|CC=|-fopenmp failed/ };
for (const [peer, ok] of Object.entries(HAVE)) if (!ok) console.warn(`[peer] ${peer} cannot run here (${peer === 'c' ? `${CC.join(' ')} -fopenmp` : PYTHON}): the test checks that it is reported as skipped`);

describe('basinmap bench on tiny sizes (cpu, wasm)', () => {
  let dir: string;
  let stdout: string;
  let report: BenchReport;
  let png: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'basinmap-bench-test-'));
    const args = ['bench', 'quick', '--sizes', '100,1000', '--steps', '5', '--repeats', '2', '--backends', 'cpu,wasm', '--peers', '--quiet',
      '--json', join(dir, 'out.json'), '--chart', join(dir, 'out.png')];
    ({ stdout } = await promisify(execFile)(process.execPath, [bin, ...args], { env: { ...process.env, BASINMAP_PYTHON: PYTHON } }));
    report = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    png = readFileSync(join(dir, 'out.png'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the settings, the command and the machine description', () => {
    expect(report.schema).toBe('basinmap-bench/1');
    expect(report.command).toContain('bench quick --sizes 100,1000');
    expect(report.settings).toMatchObject({ suite: 'quick', backends: ['cpu', 'wasm'], sizes: [100, 1000], repeats: 2, steps: 5, peers: true });
    const m = report.machine;
    expect(m.cpuModel.length).toBeGreaterThan(0);
    expect(m.cores).toBeGreaterThanOrEqual(1);
    expect(m.memoryBytes).toBeGreaterThan(2 ** 28);
    expect(m.os.platform).toBe(process.platform);
    expect(m.node).toBe(process.version);
    expect(m.packages['@tensorflow/tfjs-core']).toBe('4.22.0');
    expect(Object.keys(m.devices).sort()).toEqual(['cpu', 'wasm']);
    for (const b of report.backends) expect(b).toMatchObject({ available: true, device: expect.any(String), initSeconds: expect.any(Number) });
  });

  it('measures every workload × size × backend with every figure', () => {
    expect(report.workloads.map((w) => w.name)).toEqual(Object.keys(WORKLOADS));
    expect(report.cells).toHaveLength(4 * 2 * 2);
    for (const c of report.cells) {
      expect(c.status, `${c.workload} ${c.backend} ${c.n}: ${c.reason}`).toBe('ok');
      const t = c.pointIterationsPerSecond!;
      expect(t.runs).toHaveLength(2);
      expect(t.min).toBeLessThanOrEqual(t.median);
      expect(t.median).toBeLessThanOrEqual(t.max);
      expect(c.seconds!.runs).toHaveLength(2);
      for (const v of [t.median, c.secondsPerStep, c.warmupSeconds, c.kernelsPerStep, c.kernelsPerStepAmortised, c.peakRssBytes, c.peakTensorBytes, c.vsCpu]) {
        expect(Number.isFinite(v) && (v as number) > 0, `${c.workload} ${c.backend} ${c.n}`).toBe(true);
      }
      if (c.backend === 'cpu') expect(c.vsCpu).toBe(1);
    }
  });

  it('runs fixed-step workloads for exactly --steps, and the map to convergence with its outputs', () => {
    const step = report.cells.filter((c) => c.workload !== 'himmelblau-map-1000');
    for (const c of step) expect(c.steps).toBe(5);
    const map = report.cells.filter((c) => c.workload === 'himmelblau-map-1000') as Required<Cell>[];
    // A 32 × 32 grid for n = 1000; Himmelblau's four minima are found even on 10 × 10.
    expect(map.map((c) => c.n).sort()).toEqual([100, 100, 1024, 1024]);
    for (const c of map) {
      expect(c.map.basins).toBe(4);
      expect(c.steps).toBeGreaterThan(5);
      expect(c.map.seconds.write).toBeGreaterThan(0);
    }
  });

  it('counts the same kernels per step on both backends', () => {
    for (const w of Object.keys(WORKLOADS)) {
      const k = report.cells.filter((c) => c.workload === w).map((c) => c.kernelsPerStep);
      expect(new Set(k).size, w).toBe(1);
    }
  });

  it('reports peers as ratios against ours, and skips the missing ones with the reason', () => {
    for (const peer of PEER_NAMES) {
      const rows = report.peers.filter((p) => p.peer === peer);
      expect(rows.length, peer).toBeGreaterThan(0);
      if (!HAVE[peer]) {
        expect(rows.every((p) => p.status === 'skipped' && MISSING[peer].test(p.reason!)), peer).toBe(true);
        continue;
      }
      expect(rows.map((p) => p.n)).toEqual([100, 1000]);
      for (const p of rows) {
        expect(p.status).toBe('ok');
        expect(p.pointIterationsPerSecond).toBeGreaterThan(0);
        const wasm = report.cells.find((c) => c.workload === 'rastrigin-2d-gd' && c.backend === 'wasm' && c.n === p.n)!;
        expect(p.vs!.wasm).toBeCloseTo(p.pointIterationsPerSecond! / wasm.pointIterationsPerSecond!.median, 9);
      }
    }
  });

  it('prints a table of every workload and the peers', () => {
    for (const w of Object.keys(WORKLOADS)) expect(stdout).toContain(`${w}:`);
    expect(stdout).toMatch(/backend\s+n\s+steps\s+s\/run\s+pt-it\/s/);
    for (const peer of PEER_NAMES) {
      expect(stdout).toMatch(HAVE[peer] ? new RegExp(`\\n\\s*${peer}\\s+100\\s+5\\s+\\d`) : new RegExp(`\\n\\s*${peer}\\s.*skipped: .*${MISSING[peer].source}`));
    }
    expect(stdout.split('\n').filter((l) => /^\s+wasm\s+(100|1000|1024)\s/.test(l))).toHaveLength(8);
  });

  it('draws a PNG chart', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, at bytes 16..24; two panels side by side.
    expect(png.readUInt32BE(16)).toBe(1320);
    expect(png.readUInt32BE(20)).toBeGreaterThan(400);
    expect(statSync(join(dir, 'out.png')).size).toBeGreaterThan(10_000);
  });
});

describe('basinmap bench argument errors', () => {
  const fail = (args: string[]) => promisify(execFile)(process.execPath, [bin, 'bench', ...args]);
  it('refuses sizes beyond 1e7 and unknown workloads, in one line', async () => {
    await expect(fail(['--sizes', '1e8'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--sizes: "1e8" must be a whole number from 1 to 1e7') });
    await expect(fail(['--workloads', 'nope'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('unknown workload "nope"') });
  });
});

// The engine rows run in the bench's own process: the Node-only engines must be registered there.
describe('basinmap bench with the fused engine rows', () => {
  it('measures fused-cpu (and native, native-fast where a C compiler works) instead of failing the cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'basinmap-bench-engines-'));
    try {
      const json = join(dir, 'out.json');
      await promisify(execFile)(process.execPath, [bin, 'bench', 'quick', '--sizes', '100', '--steps', '5', '--repeats', '1', '--backends', 'fused-cpu,fused-native,fused-native-fast', '--workloads', 'rastrigin-2d-gd', '--quiet', '--json', json]);
      const report = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
      const fused = report.cells.find((c) => c.backend === 'fused-cpu');
      expect([fused?.status, fused?.reason]).toEqual(['ok', undefined]);
      expect(fused?.pointIterationsPerSecond?.median).toBeGreaterThan(0);
      for (const row of ['fused-native', 'fused-native-fast']) {
        const native = report.cells.find((c) => c.backend === row);
        expect(native, row).toBeDefined();
        if (native?.status !== 'ok') expect(native?.reason).not.toMatch(/unknown engine/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('the C peer', () => {
  it('is skipped with the fix in one line where its compiler is missing, never run half-built', () => {
    const script = fileURLToPath(new URL('../../benchmarks/peers/c_rastrigin.py', import.meta.url));
    const r = spawnSync(PYTHON, [script, '--n', '10', '--steps', '1'], { encoding: 'utf8', env: { ...process.env, CC: 'basinmap-no-such-cc' } });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toEqual({ peer: 'c', skipped: 'CC=basinmap-no-such-cc is not on PATH: install it or unset CC' });
  });
});
