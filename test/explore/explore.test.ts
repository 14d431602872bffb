import { mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimizerSpec } from '../../core/optimizers/index.ts';
import { UserError } from '../../core/errors.ts';
import { parseBox } from '../../src/objectives/box.ts';
import type { LiveCli } from '../support/cli.ts';
import { change, chromiumMissing, hook, launchChromium, openPage, settled, startExplore, type Hook } from './browser.ts';

const missing = chromiumMissing();
if (missing) console.warn(`[skip] explore page tests: ${missing}`);

/** Screenshots land here (ignored by git): look at them after a run. */
const SHOTS = fileURLToPath(new URL('../../out/explore-test/', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/basinmap.js', import.meta.url));
const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
/** The classic demo and the CLI's 64 × 64 Himmelblau map, everything else the defaults. */
const QUERY = '?f=x%5E4+-+4x%5E2+%2B+x&box=-3%2C3&x0=2&x0=-2&opt=gd&lr=0.01&iters=100&mf=himmelblau&grid=64';
const BAD_FORMULA = 'x^^2';

/** The real CLI, asynchronously, so that two runs overlap the browser's start. */
function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The library's message for a user mistake (what the CLI prints after "basinmap: error: "). */
function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e.message;
    throw e;
  }
  throw new Error('expected a UserError');
}

// Past the config's 120 s: a page settles within settled()'s own 120 s limit, after its load.
describe.skipIf(!!missing)('basinmap explore in Chromium', { timeout: 240_000 }, () => {
  let server: { cli: LiveCli; url: string };
  let browser: Browser;
  let cliBasins: { x: number[]; count: number }[];
  let formulaMessage: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const [map, bad, started, launched] = await Promise.all([
      cli(['map', 'himmelblau', '--grid', '64', '--json']),
      cli(['trace', BAD_FORMULA, '--box', '-3,3', '--x0', '2']),
      startExplore(),
      launchChromium(),
    ]);
    [server, browser] = [started, launched];
    expect(map.status, map.stderr).toBe(0);
    cliBasins = (JSON.parse(map.stdout) as { basins: { x: number[]; count: number }[] }).basins;
    expect(bad.status).toBe(2);
    formulaMessage = bad.stderr.trim().replace(/^basinmap: error: /, '');
  });

  afterAll(async () => {
    await browser?.close();
    server?.cli.child.kill('SIGINT');
  });

  for (const backend of BACKENDS) {
    it(`on ${backend}: shows ${backend}, rolls the balls to the CLI's minima and maps Himmelblau's 4 basins with the CLI's counts`, async () => {
      const { page, errors } = await openPage(browser, server.url, `${QUERY}&backend=${backend}`);
      const h = await hook(page);
      await page.screenshot({ path: `${SHOTS}${backend}.png`, fullPage: true });
      expect(h.error).toBeNull();
      expect(h.backend).toBe(backend);
      expect(await page.textContent('#backend-shown')).toMatch(new RegExp(`^running on ${backend}\\b`));

      // poly1d's minima, x ≈ 1.347 (local) and −1.473 (global): gtol 1e-4 over f'' ≈ 14 and 18
      // puts the end points within ~1e-5 of them, well inside the 3 decimals compared.
      expect(h.trace.map((t) => t.x0[0])).toEqual([2, -2]);
      expect(h.trace[0].x[0]).toBeCloseTo(1.347, 3);
      expect(h.trace[1].x[0]).toBeCloseTo(-1.473, 3);
      expect(h.trace.map((t) => t.status)).toEqual(['gtol', 'gtol']);
      const said = await page.textContent('#demo-table');
      expect(said).toContain('path 1: from 2 to 1.347 in');
      expect(said).toContain('path 2: from -2 to -1.473 in');

      expect(pairWithCli(h, cliBasins)).toEqual(cliBasins.map((b) => b.count));
      expect(h.map!.basins.every((b) => b.global && b.kind === 'minimum')).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('shows the library\'s one-line messages next to the field, as the CLI prints them, and keeps working', async () => {
    const { page, errors } = await openPage(browser, server.url, `${QUERY}&backend=cpu`);
    let h = await change(page, 'demo-f', BAD_FORMULA);
    expect(await page.textContent('#demo-f-error')).toBe(formulaMessage);
    expect(h.error).toBe(formulaMessage);
    await page.screenshot({ path: `${SHOTS}bad-formula.png` });

    h = await change(page, 'demo-f', 'x^4 - 4x^2 + x');
    expect(h.error).toBeNull();
    expect(await page.isHidden('#demo-f-error')).toBe(true);
    h = await change(page, 'demo-lr', '0');
    const lrMessage = messageOf(() => optimizerSpec('gd', { lr: 0 }));
    expect(await page.textContent('#demo-lr-error')).toBe(lrMessage);

    h = await change(page, 'map-box', '5,-5');
    const boxMessage = messageOf(() => parseBox('5,-5', 2));
    expect(await page.textContent('#map-box-error')).toBe(boxMessage);
    expect(h.error).toBe(boxMessage);
    // The URL holds what is in the fields, so the faulty view can be shared as it is.
    expect(new URL(page.url()).searchParams.get('mbox')).toBe('5,-5');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('traces the start under a click on the map, and maps a 1-D function as a strip of starts', async () => {
    const { page, errors } = await openPage(browser, server.url, `${QUERY}&backend=cpu`);
    // The map's plot spans x 66..624 and y 62..620 of the 900 × 680 canvas (plot/frame.ts's
    // margins, Himmelblau's square box [-5, 5]²): (3.5, 3.5) is 85% of the way right, 15% down.
    const canvas = page.locator('#map-canvas');
    const shown = (await canvas.boundingBox())!;
    const scale = shown.width / 900;
    await canvas.click({ position: { x: (66 + 0.85 * 558) * scale, y: (62 + 0.15 * 558) * scale } });
    let h = await settled(page);
    expect(h.trace).toHaveLength(1);
    // One pixel of the plot is 10/558 ≈ 0.018 of x: the click lands within that of (3.5, 3.5).
    expect(h.trace[0].x0[0]).toBeCloseTo(3.5, 1);
    expect(h.trace[0].x0[1]).toBeCloseTo(3.5, 1);
    // From (3.5, 3.5) gd rolls into the minimum at (3, 2).
    expect(h.trace[0].x[0]).toBeCloseTo(3, 3);
    expect(h.trace[0].x[1]).toBeCloseTo(2, 3);
    expect(await page.textContent('#map-click')).toMatch(/^from \(3\.\d+, 3\.\d+\): \d+ steps to \(3, 2\)/);

    h = await change(page, 'map-f', 'poly1d');
    expect(h.map!.basins.map((b) => [Number(b.x[0].toFixed(3)), b.global])).toEqual([[-1.473, true], [1.347, false]]);
    // The grid field's 64 starts, now along the one axis, all converged.
    expect(h.map!.basins.reduce((s, b) => s + b.count, 0)).toBe(64);
    await page.screenshot({ path: `${SHOTS}strip.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The page's basin counts in the CLI's basin order, each paired by its end point (within 1e-3). */
function pairWithCli(h: Hook, cli: { x: number[]; count: number }[]): number[] {
  expect(h.map?.basins).toHaveLength(cli.length);
  // End points of one minimum from float32 descents agree to ~1e-6; basins are ≥ 1 apart.
  return cli.map((c) => h.map!.basins.find((b) => Math.hypot(b.x[0] - c.x[0], b.x[1] - c.x[1]) < 1e-3)?.count ?? -1);
}
