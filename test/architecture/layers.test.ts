import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localImports, ROOT, sourceFiles, topFolder } from './imports.ts';

/**
 * Dependencies point one way: core/ (the shared contract: options, results, statuses, the rule,
 * the optimizers, the expression IR) imports nothing of ours; kernels/ imports core/; src/ imports
 * both. benchmarks/ and test/ sit on top.
 */
const MAY_IMPORT: Record<string, string[]> = {
  core: ['core'],
  kernels: ['core', 'kernels'],
  src: ['core', 'kernels', 'src'],
};

describe('the layers of the code', () => {
  const files = sourceFiles(Object.keys(MAY_IMPORT));

  it('import only downwards: core ← kernels ← src', () => {
    const wrong = files.flatMap((f) => localImports(f).filter((i) => !MAY_IMPORT[topFolder(f)].includes(topFolder(i))).map((i) => `${f} → ${i}`));
    expect(wrong).toEqual([]);
  });

  it('form no cycle between top-level folders', () => {
    const edges = new Set(files.flatMap((f) => localImports(f).map((i) => `${topFolder(f)}>${topFolder(i)}`)).filter((e) => e.split('>')[0] !== e.split('>')[1]));
    const cyclic = [...edges].filter((e) => edges.has(e.split('>').reverse().join('>')));
    expect(cyclic).toEqual([]);
  });

  it('keep source files under 300 lines unless a comment there says why', () => {
    const long = files.filter((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      return text.split('\n').length > 300 && !/over 300 lines/i.test(text);
    });
    expect(long).toEqual([]);
  });
});
