import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from './imports.ts';

/**
 * Packages that take from a tenth of a second to seconds to load (mathjs ~1.2 s, binaryen, tfjs
 * and its backends) or load native code. The CLI's entry must reach none of them through static
 * imports: each command's handler imports what it runs, so `--help`, `--version` and an option
 * refused from the arguments alone (`map --n 1e10`) answer at once.
 */
const HEAVY = ['@tensorflow/', 'mathjs', 'binaryen', 'koffi', '@napi-rs/canvas', 'parquet-wasm', 'apache-arrow', 'webgpu', 'esbuild'];
const ENTRY = 'src/cli/main.ts';

/** Each bare package main.ts reaches by static imports alone, with the chain of files that gets there. */
function staticPackages(meta: Metafile, entry: string): Map<string, string[]> {
  const parent = new Map<string, string | undefined>([[entry, undefined]]);
  const chain = (file: string): string[] => (file === entry ? [file] : [...chain(parent.get(file)!), file]);
  const found = new Map<string, string[]>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const i of meta.inputs[file].imports) {
      // A dynamic import() loads when the code runs, not when the CLI starts.
      if (i.kind !== 'import-statement') continue;
      if (i.external) {
        if (!i.path.startsWith('node:') && !found.has(i.path)) found.set(i.path, chain(file));
      } else if (!parent.has(i.path)) {
        parent.set(i.path, file);
        queue.push(i.path);
      }
    }
  }
  return found;
}

describe('the CLI start-up', () => {
  it(`reaches no heavy package from ${ENTRY} by static imports`, async () => {
    const result = await build({
      entryPoints: [join(ROOT, ENTRY)],
      absWorkingDir: ROOT,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      outdir: 'out',
    });
    const packages = staticPackages(result.metafile, ENTRY);
    // The check sees the graph: yargs is what main.ts itself imports.
    expect([...packages.keys()]).toContain('yargs');
    const heavy = [...packages].filter(([pkg]) => HEAVY.some((h) => (h.endsWith('/') ? pkg.startsWith(h) : pkg === h || pkg.startsWith(`${h}/`))));
    expect(heavy.map(([pkg, chain]) => `${chain.join(' -> ')} -> ${pkg}`)).toEqual([]);
  });
});
