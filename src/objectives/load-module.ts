import Module, { createRequire, register } from 'node:module';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { UserError } from '../../core/errors.ts';

/** The tfjs packages a user's module may import, wherever it lives: they resolve to ours. */
const SHARED = ['@tensorflow/tfjs-core', '@tensorflow/tfjs'];
const EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];
let hooked = false;

/**
 * Imports a user's objective module (TypeScript compiled on the fly, ESM wherever it lives), with
 * every failure as one line naming the module and the fix: not a module, a syntax error, a throw
 * while loading, an import that cannot be found.
 */
export async function loadUserModule(path: string, shown: string): Promise<Record<string, unknown>> {
  if (!EXTENSIONS.includes(extname(path).toLowerCase())) {
    throw new UserError(`--objective ${shown} is not a module: give a .ts or .js file (${EXTENSIONS.join(', ')}) whose default export is { dim, box, f }`);
  }
  if (!hooked) aliasTfjs();
  try {
    return (await tsImport(pathToFileURL(path).href, import.meta.url)) as Record<string, unknown>;
  } catch (e) {
    throw new UserError(describeLoadError(e, shown));
  }
}

/**
 * The module's imports of tfjs resolve to this project's copy wherever it lives, so it needs no
 * install of its own and shares the one tfjs engine (a second copy would register backends and
 * kernels of its own, and tensors would not cross between them). tsx loads a .ts file outside
 * an ESM package as CommonJS, so both resolvers get the alias: an ESM resolve hook, and
 * CommonJS's _resolveFilename (the hook tsx itself uses), for these specifiers only.
 */
function aliasTfjs(): void {
  hooked = true;
  const targets = Object.fromEntries(SHARED.map((s) => [s, import.meta.resolve(s)]));
  register(new URL('./tfjs-alias-hook.mjs', import.meta.url), { data: { targets } });
  const ours = createRequire(import.meta.url);
  const paths = Object.fromEntries(SHARED.map((s) => [s, ours.resolve(s)]));
  const cjs = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = cjs._resolveFilename;
  cjs._resolveFilename = function (request: string, ...rest: unknown[]) {
    return paths[request] ?? original.call(this, request, ...rest);
  };
}

function describeLoadError(e: unknown, shown: string): string {
  const err = e as Error & { code?: string; errors?: Array<{ text: string; location?: { line: number; column: number } }> };
  const first = (s: string) => s.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  if (err?.name === 'TransformError' || Array.isArray(err?.errors)) {
    // esbuild's message: "Transform failed with 1 error:\n<file>:<line>:<col>: ERROR: <text>"
    const x = err.errors?.[0];
    const m = /:(\d+):(\d+): ERROR: (.*)/.exec(err.message ?? '');
    const line = x?.location?.line ?? m?.[1];
    const column = x?.location ? x.location.column + 1 : m ? Number(m[2]) + 1 : undefined;
    const where = line !== undefined ? ` at line ${line}, column ${column}` : '';
    return `${shown} does not compile${where}: ${x?.text ?? m?.[3] ?? first(err.message)}: fix the syntax`;
  }
  if (err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'MODULE_NOT_FOUND') {
    const what = /Cannot find (?:package|module) '([^']+)'/.exec(err.message)?.[1] ?? first(err.message);
    return `${shown} imports ${JSON.stringify(what)}, which cannot be found from its folder: install it there, or import only tfjs (@tensorflow/tfjs-core), which basinmap provides`;
  }
  const text = first(err instanceof Error ? err.message : String(e));
  return `${shown} threw while loading: ${text.length > 160 ? `${text.slice(0, 159)}…` : text}: fix the module (it must only define its objective when imported)`;
}
