import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type CCompiler, firstLine } from './compiler.ts';

/**
 * Where compiled kernels are kept: $BASINMAP_CACHE_DIR, else $XDG_CACHE_HOME/basinmap, else
 * ~/.cache/basinmap; kernels in its native/ folder.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const root = env.BASINMAP_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'basinmap');
  return join(root, 'native');
}

/** The cache key: the source, the compiler's identity and its flags (any of them changes the binary). */
export function kernelKey(source: string, compiler: CCompiler): string {
  return createHash('sha256').update(compiler.identity).update('\0').update(compiler.argv.join(' ')).update('\0')
    .update(compiler.flags.join(' ')).update('\0').update(source).digest('hex').slice(0, 32);
}

export class CompileFailure extends Error {}

/**
 * The shared library for `source`, compiled now or found in the cache. A new one is compiled
 * under a name of its own (pid and a random suffix) and renamed into place, so concurrent runs
 * that compile the same kernel never see a partial file: each rename is atomic, and the last
 * one wins with identical bytes. The generated source is kept beside it (`<key>.c`) for
 * anyone who wants to read what runs. Throws CompileFailure with the compiler's first error line.
 */
export async function compiledLibrary(source: string, compiler: CCompiler, env: NodeJS.ProcessEnv = process.env): Promise<{ path: string; cached: boolean; seconds: number }> {
  const dir = cacheDir(env);
  const key = kernelKey(source, compiler);
  const lib = join(dir, `${key}.so`);
  if (existsSync(lib)) return { path: lib, cached: true, seconds: 0 };
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CompileFailure(`cannot create the kernel cache ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): set BASINMAP_CACHE_DIR to a writable folder`);
  }
  const tag = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const src = join(dir, `${key}.${tag}.c`);
  const out = join(dir, `${key}.${tag}.so`);
  const t0 = performance.now();
  try {
    writeFileSync(src, source);
    const { code, stderr } = await runCompiler(compiler, [...compiler.flags, '-o', out, src, '-lm'], env);
    if (code !== 0) {
      // The line that names the cause: not the linker driver's summary ("collect2: error: ld returned 1").
      const lines = stderr.split('\n').filter((l) => !/^collect2:|ld returned \d+ exit status/.test(l));
      const line = firstLine(lines.find((l) => /error|unrecognized|undefined reference|cannot/i.test(l)) ?? stderr);
      throw new CompileFailure(`${compiler.short} could not compile the generated kernel (${line})`);
    }
    renameSync(out, lib);
    renameSync(src, join(dir, `${key}.c`));
  } finally {
    rmSync(src, { force: true });
    rmSync(out, { force: true });
  }
  return { path: lib, cached: false, seconds: (performance.now() - t0) / 1000 };
}

function runCompiler(compiler: CCompiler, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(compiler.argv[0], [...compiler.argv.slice(1), ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => { stderr += s; });
    child.on('error', (e) => resolve({ code: -1, stderr: e.message }));
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}
