import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { startExploreServer, type ExploreServer } from '../../src/explore/server.ts';

describe('the explore server', () => {
  let dir: string;
  let server: ExploreServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'basinmap-explore-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>page</title>');
    writeFileSync(join(dir, 'page.js'), 'export {};');
    writeFileSync(join(dir, 'page.css'), 'body {}');
    server = await startExploreServer({ pageDir: dir, host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page at / on a free port, cross-origin isolated so that wasm may use threads', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await fetch(server.url + '?f=himmelblau');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(r.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(await r.text()).toContain('<title>page</title>');
    expect((await fetch(server.url + 'page.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('serves the tfjs wasm binaries from the installed package', async () => {
    const r = await fetch(server.url + 'wasm/tfjs-backend-wasm-simd.wasm');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/wasm');
    expect(r.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    // Every WebAssembly module starts with "\0asm".
    expect([...new Uint8Array(await r.arrayBuffer()).subarray(0, 4)]).toEqual([0, 0x61, 0x73, 0x6d]);
  });

  it('serves nothing else: no other file, no way out of its table, GET and HEAD only', async () => {
    for (const path of ['nope.js', 'wasm/../page.js/../../package.json', '%2e%2e/package.json', 'build.json']) {
      expect((await fetch(server.url + path)).status).toBe(404);
    }
    expect((await fetch(server.url, { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await fetch(server.url + 'page.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('export {};'.length));
  });

  it('says in one line that a port is taken, and how to pick another', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const e = await startExploreServer({ pageDir: dir, host: '127.0.0.1', port }).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(UserError);
      expect((e as Error).message).toBe(`port ${port} on 127.0.0.1 is in use: pick another with --port N (--port 0 takes a free one)`);
    } finally {
      taken.close();
    }
  });
});
