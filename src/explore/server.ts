import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UserError } from '../../core/errors.ts';

export interface ExploreServer {
  /** http://host:port/ as a browser opens it. */
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Every response carries these. COOP and COEP make the page cross-origin isolated, which is what
 * lets tfjs's wasm backend use threads (SharedArrayBuffer); no-cache makes a rebuilt page load.
 */
const HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

/** The tfjs wasm binaries, from the installed @tensorflow/tfjs-backend-wasm (served under /wasm/). */
function wasmFiles(): Map<string, string> {
  const dist = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
  return new Map(readdirSync(dist).filter((f) => f.endsWith('.wasm')).map((f) => [`/wasm/${f}`, join(dist, f)]));
}

/**
 * Serves the built page (bundle.ts) and the wasm files over Node's own http, nothing else: a
 * fixed table of paths, read once at start, so no request can reach another file.
 */
export async function startExploreServer(opts: { pageDir: string; host: string; port: number }): Promise<ExploreServer> {
  const files = new Map<string, { body: Buffer; type: string }>();
  const add = (path: string, file: string) => files.set(path, { body: readFileSync(file), type: TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' });
  for (const f of ['index.html', 'page.js', 'page.css']) add(`/${f}`, join(opts.pageDir, f));
  files.set('/', files.get('/index.html')!);
  for (const [path, file] of wasmFiles()) add(path, file);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = files.get(path);
    if (req.method !== 'GET' && req.method !== 'HEAD') return void reply(res, 405, 'text/plain', 'GET only\n', { Allow: 'GET, HEAD' });
    if (!file) return void reply(res, 404, 'text/plain', `no ${path} here: the page is at /\n`);
    reply(res, 200, file.type, req.method === 'HEAD' ? undefined : file.body, { 'Content-Length': String(file.body.byteLength) });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(listenError(e, opts.host, opts.port)));
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${host}:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function reply(res: ServerResponse, status: number, type: string, body: string | Buffer | undefined, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}

function listenError(e: NodeJS.ErrnoException, host: string, port: number): Error {
  if (e.code === 'EADDRINUSE') return new UserError(`port ${port} on ${host} is in use: pick another with --port N (--port 0 takes a free one)`);
  if (e.code === 'EACCES') return new UserError(`port ${port} needs privileges to listen on: pick one above 1023 with --port N`);
  if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') {
    return new UserError(`cannot listen on --host ${host} (${e.code}): give an address of this machine, e.g. --host 127.0.0.1`);
  }
  return e;
}
