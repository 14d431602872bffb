// docs/explore.png, the README's picture of the page: both panels side by side with the page's
// defaults, the balls at rest. Run by hand after a visible change: npx tsx test/explore/readme-shot.ts
import { fileURLToPath } from 'node:url';
import { chromiumMissing, launchChromium, openPage, startExplore } from './browser.ts';

const missing = chromiumMissing();
if (missing) throw new Error(missing);
const { cli, url } = await startExplore();
const browser = await launchChromium();
try {
  const { page } = await openPage(browser, url, '?backend=wasm');
  await page.setViewportSize({ width: 1880, height: 1000 });
  // The ball's last step: the picture shows the whole paths and where each ball stopped.
  await page.click('#demo-reset');
  for (let t = 0; t < 80; t++) await page.click('#demo-step');
  await page.screenshot({ path: fileURLToPath(new URL('../../docs/explore.png', import.meta.url)), fullPage: true });
} finally {
  await browser.close();
  cli.child.kill('SIGINT');
}
