// A module loader hook, registered after tsx's so that it runs first: binaryen (15 MB of ESM
// that uses import.meta) is handed to Node as it is, as Node's own loader would, instead of
// through tsx, which re-transforms it: ~25 s instead of ~1 s on a loaded 2-core machine. It
// loads when a kernel is first compiled, so commands that compile nothing never pay for it.
import { readFile } from 'node:fs/promises';

const NATIVE = /\/node_modules\/binaryen\/[^/]+\.js$/;

export async function load(url, context, nextLoad) {
  if (!NATIVE.test(url)) return nextLoad(url, context);
  return { format: 'module', source: await readFile(new URL(url)), shortCircuit: true };
}
