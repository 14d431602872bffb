import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport, Cell } from '../../src/bench/report.ts';
import { WORKLOADS } from '../../src/bench/workloads.ts';

const bin = fileURLToPath(new URL('../../bin/basinmap.js', import.meta.url));

/**
 * A stand-in interpreter, so the peers' plumbing is tested without Python: it answers for numpy
 * with a well-formed line, for torch with a "not installed" line, and fails for jax.
 */
const FAKE_PYTHON = `#!/bin/sh
case "$1" in
  *numpy_rastrigin.py) echo "log line the runner must ignore"; echo '{"peer":"numpy","n":'"$3"',"steps":'"$5"',"seconds":0.5,"pointIterationsPerSecond":2000000,"device":"fake cpu","runs":[1900000,2000000,2100000],"warmupSeconds":0.6}' ;;
  *torch_rastrigin.py) echo '{"peer":"torch","skipped":"torch is not installed (fake)"}' ;;
  *) echo "Traceback: jax exploded" >&2; exit 1 ;;
esac
`;

describe('basinmap bench on tiny sizes (cpu, wasm)', () => {
  let dir: string;
  let stdout: string;
  let report: BenchReport;
  let png: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'basinmap-bench-test-'));
    const python = join(dir, 'python');
    writeFileSync(python, FAKE_PYTHON);
    chmodSync(python, 0o755);
    const args = ['bench', 'quick', '--sizes', '100,1000', '--steps', '5', '--repeats', '2', '--backends', 'cpu,wasm', '--peers', '--quiet',
      '--json', join(dir, 'out.json'), '--chart', join(dir, 'out.png')];
    ({ stdout } = await promisify(execFile)(process.execPath, [bin, ...args], { env: { ...process.env, BASINMAP_PYTHON: python } }));
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
    const numpy = report.peers.filter((p) => p.peer === 'numpy');
    expect(numpy.map((p) => p.n)).toEqual([100, 1000]);
    for (const p of numpy) {
      expect(p).toMatchObject({ status: 'ok', pointIterationsPerSecond: 2e6, device: 'fake cpu' });
      const wasm = report.cells.find((c) => c.workload === 'rastrigin-2d-gd' && c.backend === 'wasm' && c.n === p.n)!;
      expect(p.vs!.wasm).toBeCloseTo(2e6 / wasm.pointIterationsPerSecond!.median, 9);
    }
    expect(report.peers.filter((p) => p.peer === 'torch').every((p) => p.status === 'skipped' && p.reason === 'torch is not installed (fake)')).toBe(true);
    const jax = report.peers.filter((p) => p.peer === 'jax');
    expect(jax.every((p) => p.status === 'failed' && p.reason!.includes('jax exploded'))).toBe(true);
  });

  it('prints a table of every workload and the peers', () => {
    for (const w of Object.keys(WORKLOADS)) expect(stdout).toContain(`${w}:`);
    expect(stdout).toMatch(/backend\s+n\s+steps\s+s\/run\s+pt-it\/s/);
    expect(stdout).toMatch(/numpy\s+100\s+5\s+2\.00e6/);
    expect(stdout).toContain('skipped: torch is not installed (fake)');
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
