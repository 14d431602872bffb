import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A C compiler found on this machine, with what -march=native gives it. */
export interface CCompiler {
  /** The command (and any leading arguments from $CC, e.g. "ccache gcc"). */
  argv: string[];
  /** First line of `--version`: part of every kernel's cache key. */
  identity: string;
  /** "gcc 12.2", "clang 16.0". */
  short: string;
  /** Flags for every kernel (see kernels/README.md, "native"). */
  flags: string[];
  /** Bytes per vector register the kernels use: 64 (AVX-512), 32 (AVX), 16 otherwise. */
  vectorBytes: number;
  /** "AVX-512", "AVX2", "SSE4.1", or the machine's name for its vectors. */
  isa: string;
}

export type CompilerLookup = { ok: true; compiler: CCompiler } | { ok: false; why: string };

const CANDIDATES = ['cc', 'gcc', 'clang'];

/**
 * The flags, and why:
 * - -O3: the generated step is straight-line vector code; -O3 schedules and allocates it.
 * - -march=native: the vector ISA of this CPU (AVX2, AVX-512...). Kernels are compiled where they
 *   run and cached per compiler and flags, never shipped.
 * - -ffp-contract=off: no a·b + c fused into an FMA. GCC contracts by default in GNU C mode; an FMA
 *   rounds once where wasm rounds twice, and the kernels are meant to match the wasm engine bit
 *   for bit. No -ffast-math for the same reason (it also reorders sums and flushes subnormals).
 * - -fno-math-errno: sqrt becomes one instruction (it never sets errno).
 * - -fPIC -shared -pthread -lm: a shared library koffi loads, threads, libm for the rare sin/cos
 *   lanes beyond the vector range reduction.
 * - -fvisibility=hidden: only the bm_* entry points are exported.
 * GCC only (GCC_FLAGS): -fschedule-insns -fsched-pressure, GCC's register-pressure-aware
 * scheduling before register allocation, off by default on x86. The generated code lists each
 * phase of the step for every coordinate in turn, and without it GCC keeps that order and
 * spills what lives across phases: measured +11% on Rastrigin-2D gd, +15% on Styblinski-Tang
 * 50-D momentum (per CPU-second, same run; the results do not change: no arithmetic moves).
 */
const GCC_FLAGS = ['-fschedule-insns', '-fsched-pressure'];
const BASE_FLAGS = ['-O3', '-march=native', '-ffp-contract=off', '-fno-math-errno', '-fPIC', '-shared', '-pthread', '-fvisibility=hidden', '-w'];

function onPath(cmd: string, env: NodeJS.ProcessEnv): string | undefined {
  if (cmd.includes('/')) return cmd;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, cmd);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

function run(argv: string[], args: string[], env: NodeJS.ProcessEnv, input?: string) {
  return spawnSync(argv[0], [...argv.slice(1), ...args], { env, input, encoding: 'utf8', timeout: 30_000 });
}

function shortName(identity: string): string {
  const name = /clang/i.test(identity) ? 'clang' : /\bgcc\b|\bcc\b|GCC/.test(identity) ? 'gcc' : identity.split(/\s/)[0];
  const version = /(\d+\.\d+)(?:\.\d+)?(?!.*\d+\.\d+)/.exec(identity.replace(/\(.*?\)/g, ''))?.[1];
  return version ? `${name} ${version}` : name;
}

/** What the compiler defines under -march=native says about the vector unit. */
function vectorUnit(macros: string): { vectorBytes: number; isa: string } {
  const has = (m: string) => new RegExp(`#define ${m} `).test(macros);
  if (has('__AVX512F__')) return { vectorBytes: 64, isa: 'AVX-512' };
  if (has('__AVX2__')) return { vectorBytes: 32, isa: 'AVX2' };
  if (has('__AVX__')) return { vectorBytes: 32, isa: 'AVX' };
  if (has('__SSE4_1__')) return { vectorBytes: 16, isa: 'SSE4.1' };
  if (has('__ARM_NEON')) return { vectorBytes: 16, isa: 'NEON' };
  return { vectorBytes: 16, isa: 'generic vectors' };
}

/**
 * The C compiler for native kernels: $CC when set (it must work: a CC that does not is an error,
 * not a reason to pick another), else the first of cc, gcc, clang on PATH. `env` is a parameter
 * so tests can hide the compiler without touching this process's environment.
 */
export function findCompiler(env: NodeJS.ProcessEnv = process.env): CompilerLookup {
  // Two compiler runs per lookup: once per process and environment.
  const key = [env.CC, env.PATH, env.BASINMAP_NATIVE_CFLAGS].join('\0');
  let found = lookups.get(key);
  if (!found) lookups.set(key, (found = lookup(env)));
  return found;
}

const lookups = new Map<string, CompilerLookup>();

function lookup(env: NodeJS.ProcessEnv): CompilerLookup {
  const fromEnv = env.CC?.trim();
  let argv: string[];
  if (fromEnv) {
    argv = fromEnv.split(/\s+/);
  } else {
    const found = CANDIDATES.find((c) => onPath(c, env));
    if (!found) return { ok: false, why: `no C compiler found (${CANDIDATES.join(', ')} on PATH): install gcc or set CC for the native engine` };
    argv = [found];
  }
  const version = run(argv, ['--version'], env);
  if (version.error || version.status !== 0) {
    const what = fromEnv ? `CC=${fromEnv}` : argv[0];
    const why = version.error ? (version.error as NodeJS.ErrnoException).code ?? version.error.message : `exit ${version.status}`;
    return { ok: false, why: `${what} is not a runnable C compiler (${why}): install gcc or set CC to one for the native engine` };
  }
  const identity = version.stdout.split('\n')[0].trim();
  let march = ['-march=native'];
  let macros = run(argv, [...march, '-dM', '-E', '-x', 'c', '-'], env, '');
  if (macros.status !== 0) {
    // Compilers without -march=native (some ARM clang builds) still vectorise for their default target.
    march = [];
    macros = run(argv, ['-dM', '-E', '-x', 'c', '-'], env, '');
  }
  if (macros.status !== 0) return { ok: false, why: `${identity} cannot preprocess C (${firstLine(macros.stderr)}): install gcc or set CC for the native engine` };
  // $BASINMAP_NATIVE_CFLAGS go last, so they can override (e.g. -ffp-contract=fast to measure FMA);
  // they are part of every cache key like the rest.
  const extra = (env.BASINMAP_NATIVE_CFLAGS ?? '').split(/\s+/).filter(Boolean);
  const short = shortName(identity);
  const flags = [...BASE_FLAGS.filter((f) => f !== '-march=native' || march.length > 0), ...(short.startsWith('gcc') ? GCC_FLAGS : []), ...extra];
  return { ok: true, compiler: { argv, identity, short, flags, ...vectorUnit(macros.stdout) } };
}

export function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? 'no message';
}
