// The explore page in headless Chromium, per backend: page load to the first map (the page's
// defaults: the demo and a 100 × 100 Himmelblau map), and a 200 × 200 Himmelblau map computed in
// the page (mapBasins: compile, descent to convergence, basins), warm, median of 3.
// Run: npm run bench:explore  (about 2 to 4 minutes on a loaded 2-core machine).
import { writeFileSync } from 'node:fs';
import { change, chromiumMissing, launchChromium, openPage, startExplore } from '../test/explore/browser.ts';

const BACKENDS = ['webgpu', 'wasm', 'webgl', 'cpu'];
const REPEATS = 3;

const missing = chromiumMissing();
if (missing) {
  console.error(`bench:explore: ${missing}`);
  process.exit(2);
}
const { cli, url } = await startExplore();
const browser = await launchChromium();
const rows: { backend: string; loadToFirstMapS: number; firstMapS: number; map200S: number[]; engine: string }[] = [];
try {
  for (const backend of BACKENDS) {
    const t0 = performance.now();
    const { page, errors } = await openPage(browser, url, `?backend=${backend}`);
    const loadToFirstMapS = (performance.now() - t0) / 1000;
    const first = await page.evaluate(() => (globalThis as unknown as { basinmapExplore: { backend: string; map: { ms: number } } }).basinmapExplore);
    if (first.backend !== backend) throw new Error(`asked for ${backend}, the page runs ${first.backend}`);
    const map200S: number[] = [];
    for (let r = 0; r < REPEATS; r++) map200S.push((await change(page, 'map-grid', '200')).map!.ms / 1000);
    const engine = ((await page.textContent('#map-timing')) ?? '').replace(/.*engine /, '');
    if (errors.length) throw new Error(`console errors on ${backend}: ${errors.join('; ')}`);
    rows.push({ backend, loadToFirstMapS, firstMapS: first.map.ms / 1000, map200S, engine });
    console.log(`${backend.padEnd(7)} load→first map ${loadToFirstMapS.toFixed(2)} s (that map ${(first.map.ms / 1000).toFixed(2)} s); 200×200 Himmelblau ${map200S.map((s) => s.toFixed(2)).join(', ')} s; engine ${engine}`);
    await page.close();
  }
} finally {
  await browser.close();
  cli.child.kill('SIGINT');
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log('\n| backend | engine | 200 × 200 Himmelblau map (median of 3, warm) | page load to first map (100 × 100) |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.backend} | ${r.engine} | ${median(r.map200S).toFixed(2)} s (${Math.min(...r.map200S).toFixed(2)}..${Math.max(...r.map200S).toFixed(2)}) | ${r.loadToFirstMapS.toFixed(1)} s |`);
if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify({ date: new Date().toISOString(), rows }, null, 1) + '\n');
