import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { build, version as esbuildVersion, type Plugin } from 'esbuild';

/**
 * The explore page, bundled ahead of time with esbuild from the project's own modules
 * (src/explore/page/main.ts imports the library through src/browser.ts). `npm install` builds it
 * (the `prepare` script runs `basinmap explore --build`); `basinmap explore` checks that it is
 * current and rebuilds it when a source it was built from has changed since, so the page never
 * runs code older than the CLI's.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = 'src/explore/page/main.ts';
/** Copied beside the bundle as they are. */
const STATIC = ['index.html', 'page.css'];
/** What a build records about itself: every input with its hash, to tell when it is stale. */
const RECORD = 'build.json';

/** Where the page is built: dist/ is ignored by git and rebuilt on install. */
export const PAGE_DIR = join(ROOT, 'dist/explore');

interface BuildRecord {
  esbuild: string;
  inputs: Record<string, string>;
}

/**
 * Libraries guard their own Node paths (seedrandom's crypto, tfjs's platform_node); in the page
 * those imports get an empty module. Our own modules import no builtin at all: the browser-bundle
 * architecture test checks that, for this entry too.
 */
const emptyBuiltins: Plugin = {
  name: 'empty-node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.replace(/^node:/, '');
      return args.path.startsWith('node:') || builtinModules.includes(bare) ? { path: bare, namespace: 'empty-builtin' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'empty-builtin' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/** Builds the page into `dir` as one unit: a half-written build never replaces a whole one. */
export async function buildPage(dir = PAGE_DIR): Promise<{ bytes: number }> {
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [ENTRY],
      outfile: join(staging, 'page.js'),
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      metafile: true,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins: [emptyBuiltins],
    });
    for (const f of STATIC) copyFileSync(join(ROOT, 'src/explore/page', f), join(staging, f));
    // Inputs in a namespace ("(disabled):...", "empty-builtin:...") are not files.
    const inputs = [...Object.keys(result.metafile.inputs).filter((f) => !/^[\w()-]+:/.test(f)), ...STATIC.map((f) => `src/explore/page/${f}`)];
    const record: BuildRecord = { esbuild: esbuildVersion, inputs: Object.fromEntries(inputs.sort().map((f) => [f, hashOf(join(ROOT, f))])) };
    writeFileSync(join(staging, RECORD), JSON.stringify(record, null, 1) + '\n');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(resolve(dir, '..'), { recursive: true });
    renameSync(staging, dir);
    return { bytes: readFileSync(join(dir, 'page.js')).byteLength };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Why the build in `dir` is not current (missing, another esbuild, a changed input), or undefined. */
export function pageStaleness(dir = PAGE_DIR): string | undefined {
  const recordPath = join(dir, RECORD);
  if (!existsSync(recordPath) || !existsSync(join(dir, 'page.js'))) return 'the page is not built yet';
  let record: BuildRecord;
  try {
    record = JSON.parse(readFileSync(recordPath, 'utf8')) as BuildRecord;
  } catch {
    return `${relative(ROOT, recordPath)} cannot be read`;
  }
  if (record.esbuild !== esbuildVersion) return `it was built with esbuild ${record.esbuild}, this is ${esbuildVersion}`;
  for (const [file, hash] of Object.entries(record.inputs ?? {})) {
    const path = join(ROOT, file);
    if (!existsSync(path)) return `${file} is gone`;
    if (hashOf(path) !== hash) return `${file} changed`;
  }
  return Object.keys(record.inputs ?? {}).length === 0 ? `${relative(ROOT, recordPath)} lists no inputs` : undefined;
}

/** The page directory, built or rebuilt first when it is not current; `say` hears why. */
export async function ensurePage(dir = PAGE_DIR, say: (line: string) => void = () => {}): Promise<string> {
  const stale = pageStaleness(dir);
  if (stale) {
    say(`building the explore page (${stale})`);
    await buildPage(dir);
  }
  return dir;
}

function hashOf(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
