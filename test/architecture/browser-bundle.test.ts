import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from './imports.ts';

/** Packages that are Node-only (native addons, Node APIs, loaders): a page must never pull them in. */
const NODE_ONLY_PACKAGES = ['webgpu', 'binaryen', 'tsx', 'koffi', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', '@napi-rs/canvas', 'yargs'];
/** Node globals our own browser-safe modules must not use (libraries may guard their own uses). */
const NODE_GLOBALS = /\b(setImmediate|process\.|Buffer\.|require\(|__dirname|import\.meta\.dirname)/;

/** What runs in a browser: the library's browser surface, and the explore page built on it. */
const ENTRIES = ['src/browser.ts', 'src/explore/page/main.ts'];

describe('the browser-safe core', () => {
  it.each(ENTRIES)('bundles for the browser from %s with no Node import and no Node global in our code', async (entry) => {
    const nodeImports: string[] = [];
    const guard: Plugin = {
      name: 'no-node',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (args) => {
          const bare = args.path.replace(/^node:/, '');
          const pkg = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
          const builtin = args.path.startsWith('node:') || builtinModules.includes(bare);
          // Libraries guard their own Node paths (tfjs's platform_node, seedrandom's crypto): only
          // our modules' builtin imports, and Node-only packages from anywhere, are faults.
          const ours = /^(core|kernels|src)\//.test(args.importer.replace(ROOT + '/', ''));
          if ((builtin && ours) || NODE_ONLY_PACKAGES.includes(pkg)) nodeImports.push(`${args.importer.replace(ROOT + '/', '')} → ${args.path}`);
          if (builtin || NODE_ONLY_PACKAGES.includes(pkg)) return { path: args.path, external: true };
          return undefined;
        });
      },
    };
    const result = await build({
      entryPoints: [join(ROOT, entry)],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [guard],
    });
    expect(nodeImports).toEqual([]);
    const ours = Object.keys(result.metafile!.inputs).filter((f) => /^(core|kernels|src)\//.test(f));
    expect(ours.length).toBeGreaterThan(50);
    const withGlobals = ours.filter((f) => NODE_GLOBALS.test(readFileSync(join(ROOT, f), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')));
    expect(withGlobals).toEqual([]);
  });
});
