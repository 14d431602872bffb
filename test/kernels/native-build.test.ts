import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parseExpression } from '../../src/objectives/expression/parse.ts';
import { buildTape } from '../../kernels/ad/build.ts';
import { compileFused, FusedCompileError } from '../../kernels/index.ts';
import { compileNative, nativeStatus, runNative } from '../../kernels/native/engine.ts';
import { describeNative, NATIVE, skipBecause } from './support/native.ts';
import { descentOptions } from './support/oracle.ts';

/**
 * Building native kernels: the compiler lookup and its one-line reasons, the disk cache (a hit
 * pays no compile; concurrent builds of one kernel leave one complete library and no temporary
 * files), and compiler failures as one FusedCompileError line.
 */
const HIMMELBLAU = parseExpression('(x^2+y-11)^2+(x+y^2-7)^2').expr;
const BOX: Array<[number, number]> = [[-5, 5], [-5, 5]];
const OPTS = descentOptions(BOX, 'gd', 0.01);
const dirs: string[] = [];
const freshCache = () => {
  const dir = mkdtempSync(join(tmpdir(), 'basinmap-native-cache-'));
  dirs.push(dir);
  return { env: { ...process.env, BASINMAP_CACHE_DIR: dir }, dir: join(dir, 'native') };
};

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

it('says in one line why native is unavailable when the compiler is hidden (runs everywhere)', async () => {
  const badCC = await nativeStatus({ ...process.env, CC: '/nonexistent/cc' });
  expect(badCC).toEqual({ available: false, why: expect.stringMatching(/^CC=\/nonexistent\/cc is not a runnable C compiler \(ENOENT\): install gcc or set CC/) });
  const noPath = await nativeStatus({ ...process.env, CC: '', PATH: '/nonexistent' });
  expect(noPath).toEqual({ available: false, why: 'no C compiler found (cc, gcc, clang on PATH): install gcc or set CC for the native engine' });
  for (const s of [badCC, noPath]) expect(s.available ? '' : s.why).not.toContain('\n');
  const err = await compileFused(HIMMELBLAU, 2, OPTS, { target: 'native', env: { ...process.env, CC: '', PATH: '/nonexistent' } }).catch((e) => e);
  expect(err).toBeInstanceOf(FusedCompileError);
  expect(err.message).toBe('the native engine is not available: no C compiler found (cc, gcc, clang on PATH): install gcc or set CC for the native engine');
});

describeNative('native kernel builds', () => {
  it('says what it runs on', () => {
    expect(NATIVE.available && NATIVE.describe).toMatch(/^native \((gcc|clang|\S+) [\d.]+, [^,]+, \d+ threads\)$/);
  });

  it('compiles once: the second compile of the same kernel is a cache hit with no compile', async () => {
    const { env, dir } = freshCache();
    const tape = buildTape(HIMMELBLAU, 2);
    const first = await compileNative(tape, OPTS, 'float32', { env });
    expect(first.cached).toBe(false);
    expect(first.compileSeconds).toBeGreaterThan(0);
    const second = await compileNative(tape, OPTS, 'float32', { env });
    expect(second).toMatchObject({ cached: true, compileSeconds: 0, path: first.path });
    // Another kernel (other options) is another library; the source is kept beside each.
    const other = await compileNative(tape, descentOptions(BOX, 'adam', 0.05), 'float32', { env });
    expect(other.path).not.toBe(first.path);
    expect(readdirSync(dir).sort()).toEqual([first.path, other.path].flatMap((p) => [p.replace(/\.so$/, '.c'), p]).map((p) => p.split('/').pop()).sort());
    const r = await runNative(second, new Float32Array([3.5, 1.5]));
    expect(r.x[0]).toBeCloseTo(3, 3);
  });

  it('concurrent builds of one kernel leave one complete library and no temporary files', async () => {
    const { env, dir } = freshCache();
    const tape = buildTape(HIMMELBLAU, 2);
    const kernels = await Promise.all([0, 1, 2].map(() => compileNative(tape, OPTS, 'float32', { env })));
    expect(new Set(kernels.map((k) => k.path)).size).toBe(1);
    expect(readdirSync(dir).filter((f) => !/^[0-9a-f]{32}\.(c|so)$/.test(f))).toEqual([]);
    for (const k of kernels) expect((await runNative(k, new Float32Array([3.5, 1.5]))).x[0]).toBeCloseTo(3, 3);
  });

  it('a compiler that fails on the kernel is one FusedCompileError line, and nothing is cached', async (ctx) => {
    if (!/gcc/.test(NATIVE.available ? NATIVE.compiler : '')) return skipBecause(ctx, 'needs gcc (the failing build is made with a gcc linker option)');
    // A real gcc, told to link with an option its linker does not have: --version and the
    // preprocessor work, the kernel's build fails.
    const { env, dir } = freshCache();
    const err = await compileNative(buildTape(HIMMELBLAU, 2), OPTS, 'float32', { env: { ...env, CC: 'gcc -Wl,--no-such-linker-option' } }).catch((e) => e);
    expect(err).toBeInstanceOf(FusedCompileError);
    expect(err.message).toMatch(/^the native engine could not build this kernel: gcc [\d.]+ could not compile the generated kernel \(.*no-such-linker-option.*\)$/);
    expect(err.message).not.toContain('\n');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });
});
