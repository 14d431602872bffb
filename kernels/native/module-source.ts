import type { DescentOptions } from '../../core/options.ts';
import { RUNNING, STATUS } from '../../core/status.ts';
import type { Tape } from '../ad/tape.ts';
import type { FusedDtype } from '../types.ts';
import type { LaneFamily } from './lane-family.ts';
import type { NativeLayout } from './layout.ts';
import { preludeSource } from './prelude.ts';
import { evaluateFunctionSource, stepFunctionSource } from './step-source.ts';

/**
 * Subnormals read and written as zero (x86: MXCSR's FTZ and DAZ; Arm: FPCR.FZ), set on each of a
 * run's threads, which exist only for that call: nothing else in the process sees the mode. A
 * lane whose coordinate converges to 0 in a run with gtol = 0 ends stuck at the smallest
 * subnormal (its step rounds to nothing), and every vector holding one then runs on the CPU's
 * slow path: Rastrigin-2D gd at 1e6 starts × 1000 steps, the kernel alone, measured 2.06e9
 * point-iterations/s with subnormals and 3.48e9 without (benchmarks/README.md). A value below
 * float32's smallest normal (1.2e-38; float64's 2.2e-308) is then 0, as on GPUs, in TensorFlow and
 * XLA on CPU and in code built with -ffast-math: kernels/README.md says what that changes.
 */
const FLUSH_SUBNORMALS = `#if defined(__SSE__)
/* MXCSR bit 15 (flush to zero) and bit 6 (denormals are zero); the builtins, not <xmmintrin.h>. */
static void bm_flush_subnormals(void) { __builtin_ia32_ldmxcsr(__builtin_ia32_stmxcsr() | 0x8040); }
#elif defined(__aarch64__)
static void bm_flush_subnormals(void) {
  uint64_t fpcr;
  __asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
  __asm__ volatile("msr fpcr, %0" : : "r"(fpcr | ((uint64_t)1 << 24)));
}
#else
static void bm_flush_subnormals(void) {}
#endif`;

/** Bumped when the exported functions change, so a cached library of an older shape is never loaded. */
export const NATIVE_ABI = 4;

/**
 * The lane families of a kernel: the dtype's vectors, and for float32 tapes with pow, float64
 * lanes of the same count (pow's e^(y·ln x) in a wider type). Only where pow occurs: the wide
 * helpers triple the compile time of a small kernel.
 */
export function laneFamilies(dtype: FusedDtype, vectorBytes: number, pow: boolean, fma = false, masks = vectorBytes === 64): { main: LaneFamily; wide?: LaneFamily } {
  if (dtype === 'float64') return { main: { p: 'v', bits: 64, width: vectorBytes / 8, fma, masks } };
  const width = vectorBytes / 4;
  return { main: { p: 'v', bits: 32, width, fma, masks }, wide: pow ? { p: 'w', bits: 64, width, fma } : undefined };
}

/**
 * The C source of a native kernel's run library, or of its evaluate library (bm_abi and
 * bm_evaluate only). Exports (all plain C, called through koffi):
 *   bm_abi()                          NATIVE_ABI
 *   bm_alloc(bytes) / bm_free(p)      64-byte aligned, zeroed memory for records and adam's table
 *                                     (huge pages from 4 MiB on Linux)
 *   bm_advise_huge(p, bytes)          advise the 2 MiB pages inside [p, p + bytes) as huge (the
 *                                     result columns, before they are first written)
 *   bm_table(dst, src, len)           adam's corrections (doubles) rounded to the lane type
 *   bm_pack(rec, x0, n)               float32 starts [n, d] into records (padding lanes inert)
 *   bm_run(rec, n, t0, K, table, threads) → starts still running
 *                                     every group advanced up to K iterations, on `threads`
 *                                     pthreads pulling chunks of groups from one counter
 *   bm_unpack(rec, n, reached, x, fun, gradNorm, nit, status, threads)
 *                                     result columns; a start still running is interrupted
 *   bm_copy(dst, src, bytes, threads) memcpy on threads (x0 into its column)
 *   bm_evaluate(points, n, f, grad)   f and ∇f (tests)
 * Everything a kernel is specialised on (d, the optimizer and its hyperparameters, the box,
 * tolerances, maxIter) is a constant in the source, so the source is the cache key.
 */
export type ModulePart = 'run' | 'evaluate';

/** How a kernel is built beyond its tape and layout (engine.ts's NativeCompileOptions says why). */
export interface ModuleVariant {
  fast?: boolean;
  masks?: boolean;
  /** Subnormal inputs and results read and written as zero on the run's threads (default true). */
  flushSubnormals?: boolean;
}

export function moduleSource(tape: Tape, opts: DescentOptions, layout: NativeLayout, part: ModulePart = 'run', variant: ModuleVariant = {}): string {
  const fast = variant.fast === true;
  const flush = variant.flushSubnormals !== false;
  const { main, wide } = laneFamilies(layout.dtype, layout.vectorBytes, tape.instrs.some((ins) => ins.op === 'pow'), fast, variant.masks);
  const S = `${main.p}s`;
  const { d, unroll: U, width: W, groupSize: G, recordBytes: RB } = layout;
  const head = [
    `/* basinmap native${fast ? '-fast' : ''} kernel (${part}): d = ${d}, ${opts.optimizer.name}, ${layout.dtype}, ${W} lanes x unroll ${U}${fast ? ', fused multiply-adds' : ''}${part === 'run' && !flush ? ', subnormals kept' : ''}. Generated; do not edit. */`,
    preludeSource(wide ? [main, wide] : [main]),
    `BM_EXPORT int32_t bm_abi(void) { return ${NATIVE_ABI}; }`,
  ];
  // Two libraries: runs never evaluate, and bm_evaluate (the whole tape with its slow paths) is
  // up to half of a kernel's compile time (measured: Styblinski-Tang 50-D momentum 0.98 of
  // 1.89 s), so it is built only when something evaluates (tests, checks).
  if (part === 'evaluate') return [...head, evaluateFunctionSource(tape, main, wide)].join('\n');
  return [
    ...head,
    stepFunctionSource(tape, opts, layout, main, wide),
    /* c */ `
#define G ${G}
#define RB ${RB}
#define AT(rec, field, u, l) ((${S} *)(rec))[((field) * ${U} + (u)) * ${W} + (l)]

/*
 * Fresh memory costs a page fault per page when first written, ~10 µs each on the virtual
 * machines this was measured on (32 MB: 120 ms); on Linux, buffers of 4 MiB and more are 2 MiB
 * aligned and advised as transparent huge pages (where the system allows them on request),
 * 512 times fewer faults (measured: 2.5 ms for 32 MB once the memory is backed).
 */
BM_EXPORT void bm_advise_huge(void *p, int64_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  const uintptr_t H = (uintptr_t)2 << 20;
  uintptr_t a = ((uintptr_t)p + H - 1) & ~(H - 1), e = ((uintptr_t)p + (uintptr_t)bytes) & ~(H - 1);
  if (e > a) madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
  (void)p; (void)bytes;
#endif
}

BM_EXPORT void *bm_alloc(int64_t bytes) {
  size_t size = (size_t)((bytes + 63) / 64 * 64);
  int huge = size >= ((size_t)4 << 20);
  size_t align = huge ? ((size_t)2 << 20) : 64;
  if (huge) size = (size + align - 1) / align * align;
  void *p = aligned_alloc(align, size ? size : 64);
  if (!p) return p;
  if (huge) bm_advise_huge(p, (int64_t)size);
  memset(p, 0, size);
  return p;
}

BM_EXPORT void bm_free(void *p) { free(p); }

BM_EXPORT void bm_table(${S} *dst, const double *src, int64_t len) {
  for (int64_t i = 0; i < len; i++) dst[i] = (${S})src[i];
}

BM_EXPORT void bm_pack(char *base, const float *x0, int64_t n) {
  int64_t nGroups = (n + G - 1) / G;
  memset(base, 0, (size_t)(nGroups * RB));
  for (int64_t i = 0; i < nGroups * G; i++) {
    int64_t g = i / G, r = i % G, u = r / ${W}, l = r % ${W};
    char *rec = base + g * RB;
    if (i < n) {
      for (int j = 0; j < ${d}; j++) AT(rec, ${layout.x} + j, u, l) = (${S})x0[i * ${d} + j];
      AT(rec, ${layout.status}, u, l) = ${RUNNING};
    } else {
      AT(rec, ${layout.status}, u, l) = 2; /* padding: neither running nor reported */
    }
  }
}

static void bm_unpack_range(const char *base, int64_t from, int64_t to, int32_t reached, ${S} *x, ${S} *fun, ${S} *gn, int32_t *nit, uint8_t *status) {
  for (int64_t i = from; i < to; i++) {
    int64_t g = i / G, r = i % G, u = r / ${W}, l = r % ${W};
    const char *rec = base + g * RB;
    ${S} s = AT(rec, ${layout.status}, u, l);
    if (s == ${RUNNING}) {
      for (int j = 0; j < ${d}; j++) x[i * ${d} + j] = AT(rec, ${layout.x} + j, u, l);
      fun[i] = NAN;
      gn[i] = NAN;
      nit[i] = reached;
      status[i] = ${STATUS.interrupted.code};
    } else {
      for (int j = 0; j < ${d}; j++) x[i * ${d} + j] = AT(rec, ${layout.xOut} + j, u, l);
      fun[i] = AT(rec, ${layout.fun}, u, l);
      gn[i] = AT(rec, ${layout.gradNorm}, u, l);
      nit[i] = (int32_t)AT(rec, ${layout.nit}, u, l);
      status[i] = (uint8_t)s;
    }
  }
}

/*
 * Writing fresh result columns is mostly page faults (each a trap to the kernel, or to the
 * hypervisor on a VM), which threads take in parallel: the columns are cut into contiguous
 * ranges, one a thread, the calling thread taking the last. Small runs stay on one thread.
 */
typedef struct {
  const char *base; const char *src; char *dst;
  int64_t from, to; int32_t reached;
  ${S} *x, *fun, *gn; int32_t *nit; uint8_t *status;
} bm_part;

static void *bm_part_work(void *arg) {
  bm_part *p = (bm_part *)arg;
  if (p->dst) memcpy(p->dst + p->from, p->src + p->from, (size_t)(p->to - p->from));
  else bm_unpack_range(p->base, p->from, p->to, p->reached, p->x, p->fun, p->gn, p->nit, p->status);
  return 0;
}

static void bm_parts(bm_part proto, int64_t n, int64_t quantum, int32_t threads) {
  if (threads > 64) threads = 64;
  if (threads < 1 || n < (int64_t)threads * quantum) threads = 1;
  bm_part part[64];
  pthread_t tid[64];
  int started[64] = {0};
  for (int k = 0; k < threads; k++) {
    part[k] = proto;
    part[k].from = n * k / threads;
    part[k].to = n * (k + 1) / threads;
    if (k < threads - 1) started[k] = pthread_create(&tid[k], 0, bm_part_work, &part[k]) == 0;
  }
  for (int k = 0; k < threads; k++) if (k == threads - 1 || !started[k]) bm_part_work(&part[k]);
  for (int k = 0; k < threads - 1; k++) if (started[k]) pthread_join(tid[k], 0);
}

BM_EXPORT void bm_unpack(const char *base, int64_t n, int32_t reached, ${S} *x, ${S} *fun, ${S} *gn, int32_t *nit, uint8_t *status, int32_t threads) {
  bm_part p = {0};
  p.base = base; p.reached = reached; p.x = x; p.fun = fun; p.gn = gn; p.nit = nit; p.status = status;
  bm_parts(p, n, 16384, threads);
}

/* memcpy of a large block on several threads (the starts into their fresh result column). */
BM_EXPORT void bm_copy(void *dst, const void *src, int64_t bytes, int32_t threads) {
  bm_part p = {0};
  p.dst = (char *)dst; p.src = (const char *)src;
  bm_parts(p, bytes, (int64_t)1 << 20, threads);
}

typedef struct {
  char *base;
  int64_t nGroups, chunk, next, running;
  int t0, K;
  const ${S} *table;
} bm_job;

${flush ? FLUSH_SUBNORMALS : 'static void bm_flush_subnormals(void) {}'}

static void *bm_worker(void *arg) {
  bm_job *j = (bm_job *)arg;
  int64_t mine = 0;
  bm_flush_subnormals();
  for (;;) {
    int64_t g0 = __atomic_fetch_add(&j->next, j->chunk, __ATOMIC_RELAXED);
    if (g0 >= j->nGroups) break;
    int64_t g1 = g0 + j->chunk < j->nGroups ? g0 + j->chunk : j->nGroups;
    mine += bm_groups(j->base, g0, g1, j->t0, j->K, j->table);
  }
  __atomic_fetch_add(&j->running, mine, __ATOMIC_RELAXED);
  return 0;
}

/*
 * The work runs on threads of its own (8 MiB stacks, the pthread default): the calling thread is
 * koffi's, whose stack for asynchronous calls is small. Chunks of groups come from one atomic
 * counter, about 16 per thread, so threads whose groups finish early take more.
 * Returns -1 when no thread could be started.
 */
BM_EXPORT int64_t bm_run(char *base, int64_t n, int32_t t0, int32_t K, const ${S} *table, int32_t threads) {
  bm_job job;
  job.base = base;
  job.nGroups = (n + G - 1) / G;
  job.next = 0;
  job.running = 0;
  job.t0 = t0;
  job.K = K;
  job.table = table;
  if (threads < 1) threads = 1;
  if (threads > 256) threads = 256;
  job.chunk = job.nGroups / ((int64_t)threads * 16);
  if (job.chunk < 1) job.chunk = 1;
  if (job.chunk > 256) job.chunk = 256;
  pthread_t tid[256];
  int started = 0;
  for (int i = 0; i < threads; i++) {
    if (pthread_create(&tid[started], 0, bm_worker, &job) == 0) started++;
  }
  if (started == 0) return -1;
  for (int i = 0; i < started; i++) pthread_join(tid[i], 0);
  return job.running;
}
`,
  ].join('\n');
}
