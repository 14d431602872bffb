/**
 * The native kernel alone, without Node: the C source the engine generated for a workload (from
 * the kernel cache, `<key>.c`) compiled with the engine's own compiler and flags into a small
 * program that packs n random starts in the box and times `bm_run`, once for every step (one
 * call) and in calls of K steps (what runNative does between progress reports). Every start
 * takes every step (gtol = xtol = 0). What it separates: the kernel's own speed from the run's
 * overheads in the engine (allocation, packing, calls), and one variant from another in the same
 * command (native, native-fast; unroll 2, 4, 8).
 *
 * Usage: npx tsx benchmarks/native-kernel.ts [fn=rastrigin] [d=2] [optimizer=gd] [n=1e6] [steps=1000]
 *          [threads=2] [repeats=5] [K=188] [variants=native:4,native-fast:4]
 * BASINMAP_PER_CALL=1 also prints each call of K steps (median over the repeats): where in the run
 * the time goes (the subnormals' slow steps showed so).
 * A variant is engine:unroll[:nomask][:subnormals] (unroll `auto`: the engine's choice; nomask:
 * lane masks as whole-lane vectors, as before c-lanes.ts had a mask type; subnormals: kept, not
 * flushed to zero, as before module-source.ts flushed them).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESCENT_DEFAULTS, type DescentOptions } from '../core/options.ts';
import { makeOptimizer, optimizerSpec } from '../core/optimizers/index.ts';
import { buildTape } from '../kernels/ad/build.ts';
import { compileNative } from '../kernels/native/engine.ts';
import { scalarTable } from '../kernels/record.ts';
import { parseExpression } from '../src/objectives/expression/parse.ts';
import { findLibraryFunction } from '../src/objectives/library/index.ts';

const [fn = 'rastrigin', dArg = '2', opt = 'gd', nArg = '1e6', stepsArg = '1000', threadsArg = '2', repeatsArg = '5', kArg = '188', variantsArg = 'native:4,native-fast:4'] = process.argv.slice(2);
const d = Number(dArg);
const n = Number(nArg);
const steps = Number(stepsArg);

const o = findLibraryFunction(fn);
if (!o?.expression) throw new Error(`no library function "${fn}" with an expression form`);
const box = o.box(d);
const descent: DescentOptions = { ...DESCENT_DEFAULTS, optimizer: optimizerSpec(opt, { lr: 1e-3 }), box, sense: 'min', gtol: 0, xtol: 0, maxIter: steps };
const tape = buildTape(parseExpression(o.expression(d), { dim: d, params: [] }).expr, d);
// The optimizer's scalars per iteration (adam's bias corrections), as runNative passes them.
const table = scalarTable(makeOptimizer(descent.optimizer, descent.box).scalars, steps);

// The program: starts uniform in the box (a fixed LCG: the same starts for every variant), then
// `repeats` timed runs of one call and of calls of K steps, alternating. Prints one line a run
// ("mode seconds") and, for calls of K steps, one line a call ("c t0 steps seconds").
const driver = (lo: number[], hi: number[]) => /* c */ `
#include <stdio.h>
#include <time.h>
static double now(void) { struct timespec a; clock_gettime(CLOCK_MONOTONIC, &a); return a.tv_sec + a.tv_nsec / 1e9; }
int main(int argc, char **argv) {
  int64_t n = atoll(argv[1]); int steps = atoi(argv[2]), threads = atoi(argv[3]), reps = atoi(argv[4]), K = atoi(argv[5]);
  const double lo[] = {${lo.join(', ')}}, hi[] = {${hi.join(', ')}};
  float *x0 = malloc((size_t)n * ${d} * sizeof(float));
  uint64_t s = 1;
  for (int64_t i = 0; i < n * ${d}; i++) { s = s * 6364136223846793005ull + 1442695040888963407ull; x0[i] = (float)(lo[i % ${d}] + (hi[i % ${d}] - lo[i % ${d}]) * (double)(s >> 11) / 9007199254740992.0); }
  void *rec = bm_alloc((n + G - 1) / G * (int64_t)RB);
  ${table ? `static const double src[] = {${Array.from(table).join(', ')}};
  void *table = bm_alloc(sizeof src / sizeof src[0] * sizeof(vs));
  bm_table(table, src, sizeof src / sizeof src[0]);` : 'void *table = 0;'}
  for (int r = 0; r < reps; r++) {
    for (int mode = 0; mode < 2; mode++) {
      int k = mode == 0 ? steps + 1 : K;
      bm_pack(rec, x0, n);
      double t = now();
      for (int t0 = 0; t0 <= steps; t0 += k) {
        int steps_now = k < steps + 1 - t0 ? k : steps + 1 - t0;
        double c = now();
        bm_run(rec, n, t0, steps_now, table, threads);
        if (mode == 1) printf("c %d %d %.6f\\n", t0, steps_now, now() - c);
      }
      printf("%d %.6f\\n", mode, now() - t);
    }
  }
  return 0;
}
`;

const dir = mkdtempSync(join(tmpdir(), 'basinmap-native-kernel-'));
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
try {
  console.log(`${fn} ${d}-D ${opt} lr 1e-3, float32, ${n} starts × ${steps} steps, ${threadsArg} thread(s), ${repeatsArg} repeats: point-iterations/s, best and median\n`);
  console.log(`| variant | one call: best | one call: median | calls of ${kArg} steps: best | median |\n|---|---|---|---|---|`);
  const programs: Array<{ name: string; exe: string }> = [];
  for (const v of variantsArg.split(',')) {
    const [engine, unroll, ...options] = v.split(':');
    const kernel = await compileNative(tape, descent, 'float32', {
      fast: engine === 'native-fast',
      unroll: unroll && unroll !== 'auto' ? Number(unroll) : undefined,
      masks: options.includes('nomask') ? false : undefined,
      flushSubnormals: options.includes('subnormals') ? false : undefined,
    });
    const main = join(dir, `${programs.length}.c`);
    writeFileSync(main, `#include "${kernel.path.replace(/\.so$/, '.c')}"\n${driver(box.map((b) => b[0]), box.map((b) => b[1]))}`);
    const exe = join(dir, `${programs.length}`);
    const flags = kernel.compiler.flags.filter((f) => f !== '-shared' && f !== '-fPIC' && f !== '-fvisibility=hidden');
    execFileSync(kernel.compiler.argv[0], [...kernel.compiler.argv.slice(1), ...flags, main, '-o', exe, '-lm'], { stdio: 'inherit' });
    programs.push({ name: `${engine}, unroll ${kernel.layout.unroll}${options.includes('nomask') ? ', masks as vectors' : ''}${options.includes('subnormals') ? ', subnormals kept' : ''}`, exe });
  }
  const times = programs.map(() => [[] as number[], [] as number[]]);
  const perCall = programs.map(() => new Map<number, number[]>());
  // Programs alternate, one repeat each in turn, so what the neighbours do falls on every variant.
  for (let r = 0; r < Number(repeatsArg); r++) {
    programs.forEach((p, i) => {
      const out = execFileSync(p.exe, [String(n), String(steps), threadsArg, '1', kArg], { encoding: 'utf8' });
      for (const line of out.trim().split('\n')) {
        const f = line.split(' ');
        if (f[0] === 'c') {
          const rates = perCall[i].get(Number(f[1])) ?? [];
          perCall[i].set(Number(f[1]), [...rates, (n * Number(f[2])) / Number(f[3])]);
          continue;
        }
        times[i][Number(f[0])].push((n * steps) / Number(f[1]));
      }
    });
  }
  programs.forEach((p, i) => {
    const [one, calls] = times[i];
    const f = (x: number) => x.toExponential(2);
    console.log(`| ${p.name} | ${f(Math.max(...one))} | ${f(median(one))} | ${f(Math.max(...calls))} | ${f(median(calls))} |`);
  });
  if (process.env.BASINMAP_PER_CALL === '1') {
    console.log(`\nEach call of ${kArg} steps (median point-iterations/s over the repeats):\n`);
    console.log(`| from step | ${programs.map((p) => p.name).join(' | ')} |\n|---|${programs.map(() => '---|').join('')}`);
    for (const t0 of perCall[0].keys()) console.log(`| ${t0} | ${perCall.map((m) => median(m.get(t0) ?? [NaN]).toExponential(2)).join(' | ')} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
