import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startCli, type LiveCli } from '../support/cli.ts';

/** Debian's Chromium (.ci/run installs it); no browser is ever downloaded. */
export const CHROMIUM = process.env.BASINMAP_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM} (apt-get install chromium, as .ci/run does)`;
}

/**
 * Flags measured to work on these machines (shared BROWSER.md): no sandbox (root), /tmp instead
 * of a small /dev/shm, WebGPU on SwiftShader (a software adapter), WebGL through ANGLE on
 * SwiftShader, and no background traffic.
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** `basinmap explore` on a free port, started as a user would; resolves with its URL. */
export async function startExplore(): Promise<{ cli: LiveCli; url: string }> {
  const cli = startCli(['explore', '--port', '0']);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /open (http:\/\/\S+)/.exec(cli.stdout());
      if (m) (clearInterval(timer), resolve(m[1]));
    }, 100);
    void cli.exited.then(({ status }) => (clearInterval(timer), reject(new Error(`basinmap explore exited with ${status}: ${cli.stderr()}`))));
  });
  return { cli, url };
}

/** The page's test hook (src/explore/page/hook.ts), as JSON. */
export interface Hook {
  ready: boolean;
  busy: boolean;
  backend: string | null;
  error: string | null;
  trace: { x0: number[]; x: number[]; nit: number; status: string }[];
  map: { basins: { x: number[]; f: number; count: number; fraction: number; global: boolean; kind: string | null }[]; ms: number } | null;
}

/** Opens the page at `query` and waits until its computations are done; returns the console's errors as they come. */
export async function openPage(browser: Browser, url: string, query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 960, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  // Only the response is awaited here: the page starts computing as its module runs, and on a
  // loaded 2-core machine that can hold back the load event longer than playwright's 30 s (CI
  // once failed so); settled() then waits for the page's own hook, with its generous limit.
  await page.goto(url + query, { waitUntil: 'commit', timeout: 60_000 });
  await settled(page);
  return { page, errors };
}

/** Waits until the page has finished what it was doing (first load or the last change). */
export async function settled(page: Page): Promise<Hook> {
  // Generous for a loaded 2-core machine: the WebGL page (SwiftShader compiling every shader)
  // takes ~18 s to settle there with nothing else running, its 64 × 64 map ~6 s of that.
  await page.waitForFunction(() => {
    const h = (globalThis as unknown as { basinmapExplore?: Hook }).basinmapExplore;
    return h?.ready === true && !h.busy;
  }, null, { timeout: 120_000, polling: 100 });
  return hook(page);
}

export function hook(page: Page): Promise<Hook> {
  return page.evaluate(() => JSON.parse(JSON.stringify((globalThis as unknown as { basinmapExplore: Hook }).basinmapExplore)) as Hook);
}

/** Types `text` into a field and lets the page react as it does to a user's change. */
export async function change(page: Page, id: string, text: string): Promise<Hook> {
  await page.fill(`#${id}`, text);
  await page.dispatchEvent(`#${id}`, 'change');
  return settled(page);
}
