import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPage, ensurePage, pageStaleness } from '../../src/explore/bundle.ts';

describe('the explore page bundle', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'basinmap-page-')), 'explore');
  afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('is built from the project\'s own modules, with the page and a record of every input', async () => {
    expect(pageStaleness(dir)).toBe('the page is not built yet');
    await buildPage(dir);
    for (const f of ['index.html', 'page.css', 'page.js', 'build.json']) expect(existsSync(join(dir, f)), f).toBe(true);
    const inputs = Object.keys((JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8')) as { inputs: Record<string, string> }).inputs);
    // The descent, the optimizers, the formulas and the function library come from the library itself.
    for (const f of ['src/descent/driver.ts', 'core/optimizers/adam.ts', 'src/objectives/expression/parse.ts', 'src/objectives/library/himmelblau.ts', 'kernels/webgpu/runner.ts', 'src/explore/page/main.ts']) {
      expect(inputs, f).toContain(f);
    }
    expect(pageStaleness(dir)).toBeUndefined();
  });

  it('is stale once a source it was built from changes, and ensurePage rebuilds it', async () => {
    const recordPath = join(dir, 'build.json');
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as { inputs: Record<string, string> };
    // A hash that no file has: as if src/map.ts had been edited since the build.
    record.inputs['src/map.ts'] = '0'.repeat(64);
    writeFileSync(recordPath, JSON.stringify(record));
    expect(pageStaleness(dir)).toBe('src/map.ts changed');
    const said: string[] = [];
    await ensurePage(dir, (line) => said.push(line));
    expect(said).toEqual(['building the explore page (src/map.ts changed)']);
    expect(pageStaleness(dir)).toBeUndefined();
  });
});
