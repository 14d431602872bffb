import type { LaneFamily } from './lane-family.ts';

/**
 * The C prelude of a native kernel: includes, and for each lane family (c-lanes.ts) its vector
 * types and the helpers GCC's vector extensions have no operator for. Each helper has an x86
 * builtin where the family's vector is exactly one register of the ISA the compiler targets
 * (-march=native decides: the branches test the compiler's own __AVX__... macros), and a
 * portable lane loop otherwise (other CPUs, and the float64 lanes twice a register wide that
 * float32 pow uses). The builtins are the ones <immintrin.h> wraps, called directly: that header
 * alone costs 0.4 s of compiler time per kernel, ten times a small kernel's own code. Every
 * branch computes the same IEEE results as wasm SIMD, bit for bit: roundps/roundpd are what V8
 * emits for f32x4.floor/ceil/nearest; min and max keep wasm's NaN propagation and −0 < +0 (V8's
 * sequence without its NaN canonicalisation: a NaN result may carry another payload).
 */
export function preludeSource(families: LaneFamily[]): string {
  return [HEADER, ...families.map(familySource)].join('\n');
}

const HEADER = /* c */ `#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <pthread.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif
#if defined(__x86_64__) || defined(__i386__)
#define BM_X86 1
#else
#define BM_X86 0
#endif
#if BM_X86 && defined(__GNUC__) && !defined(__clang__)
#define BM_GCC_X86 1
#else
#define BM_GCC_X86 0
#endif
/* An empty asm that claims to change v: the compiler must treat v as a new value after it. */
#if BM_X86
#define BM_OPAQUE(v) __asm__ volatile("" : "+v"(v))
#elif defined(__aarch64__)
#define BM_OPAQUE(v) __asm__ volatile("" : "+w"(v))
#else
#define BM_OPAQUE(v) __asm__ volatile("" : "+m"(v))
#endif
#define BM_EXPORT __attribute__((visibility("default")))
#define BM_COLD __attribute__((noinline, cold))
`;

/** The x86 builtins for one register of `bytes` bytes, and the macro that says the ISA has them. */
function x86(bytes: number, bits: 32 | 64, p: string) {
  const i64 = `bm_i64x${bytes}_${p}`;
  const t = bits === 32 ? 'ps' : 'pd';
  const q = bits === 32 ? 'd' : 'q';
  if (bytes === 16) return { guard: 'BM_X86 && defined(__SSE4_1__)', round: (a: string, m: number) => `__builtin_ia32_round${t}(${a}, ${m})`, min: `__builtin_ia32_min${t}`, max: `__builtin_ia32_max${t}`, any: (m: string) => `!__builtin_ia32_ptestz128((${i64})${m}, (${i64})${m})`, anyGuard: 'BM_X86 && defined(__SSE4_1__)' };
  if (bytes === 32) return { guard: 'BM_X86 && defined(__AVX__)', round: (a: string, m: number) => `__builtin_ia32_round${t}256(${a}, ${m})`, min: `__builtin_ia32_min${t}256`, max: `__builtin_ia32_max${t}256`, any: (m: string) => `!__builtin_ia32_ptestz256((${i64})${m}, (${i64})${m})`, anyGuard: 'BM_X86 && defined(__AVX__)' };
  if (bytes === 64) {
    // The rounding builtin is the same in GCC and clang; min, max and the mask test only in GCC.
    const mask = bits === 32 ? '(uint16_t)-1' : '(uint8_t)-1';
    return {
      guard: 'BM_X86 && defined(__AVX512F__)',
      round: (a: string, m: number) => `__builtin_ia32_rndscale${t}_mask(${a}, ${m}, ${a}, ${mask}, 4)`,
      min: '', max: '',
      any: (m: string) => `__builtin_ia32_ptestm${q}512((${bits === 32 ? `${p}i` : i64})${m}, (${bits === 32 ? `${p}i` : i64})${m}, ${mask}) != 0`,
      anyGuard: 'BM_GCC_X86 && defined(__AVX512F__)',
    };
  }
  return undefined;
}

/**
 * a·b + c rounded once (native-fast only): the FMA3 / AVX-512 builtins where the vector is one
 * register (GCC), C's fma lane by lane elsewhere (which compilers vectorise where the CPU has FMA).
 */
function fmaSource(fam: LaneFamily, bytes: number): string {
  const { p, bits, width: W } = fam;
  const t = bits === 32 ? 'ps' : 'pd';
  const hw = bytes === 64 ? { guard: 'BM_GCC_X86 && defined(__AVX512F__)', call: `__builtin_ia32_vfmadd${t}512_mask(a, b, c, (${bits === 32 ? 'uint16_t' : 'uint8_t'})-1, 4)` }
    : bytes === 32 ? { guard: 'BM_GCC_X86 && defined(__FMA__)', call: `__builtin_ia32_vfmadd${t}256(a, b, c)` }
    : bytes === 16 ? { guard: 'BM_GCC_X86 && defined(__FMA__)', call: `__builtin_ia32_vfmadd${t}(a, b, c)` } : undefined;
  const generic = `${p}f r; for (int i = 0; i < ${W}; i++) r[i] = ${bits === 32 ? '__builtin_fmaf' : '__builtin_fma'}(a[i], b[i], c[i]); return r;`;
  return `static inline ${p}f ${p}_fma(${p}f a, ${p}f b, ${p}f c) {\n#if ${hw ? hw.guard : '0'}\n  return ${hw ? hw.call : '0'};\n#else\n  ${generic}\n#endif\n}`;
}

function familySource(fam: LaneFamily): string {
  const { p, bits, width: W } = fam;
  const bytes = (bits / 8) * W;
  const [T, I, U] = bits === 32 ? ['float', 'int32_t', 'uint32_t'] : ['double', 'int64_t', 'uint64_t'];
  const fn = (name: string) => (bits === 32 ? `__builtin_${name}f` : `__builtin_${name}`);
  const hw = x86(bytes, bits, p);
  const lanes = (body: string) => `${p}f r; for (int i = 0; i < ${W}; i++) ${body}; return r;`;
  const round = (mode: number, generic: string) => hw
    ? `#if ${hw.guard}\n  return ${hw.round('a', mode)};\n#else\n  ${lanes(`r[i] = ${generic}(a[i])`)}\n#endif`
    : `  ${lanes(`r[i] = ${generic}(a[i])`)}`;
  const minmax = (op: 'min' | 'max') => {
    const builtin = hw ? (bytes === 64 ? `__builtin_ia32_${op}${bits === 32 ? 'ps' : 'pd'}512_mask` : hw[op]) : '';
    const call = (a: string, b: string) => (bytes === 64 ? `${builtin}(${a}, ${b}, ${a}, (${bits === 32 ? 'uint16_t' : 'uint8_t'})-1, 4)` : `${builtin}(${a}, ${b})`);
    const fast = op === 'min'
      // minps returns its second operand when either is NaN or both are zero: OR of both orders
      // gives −0 for {−0, +0} and a NaN whenever an operand is one.
      ? `return (${p}f)((${p}u)${call('a', 'b')} | (${p}u)${call('b', 'a')});`
      // AND of both orders gives +0 for {−0, +0}; NaN lanes take a + b (a NaN).
      : `${p}u r = (${p}u)${call('a', 'b')} & (${p}u)${call('b', 'a')};\n  ${p}u nan = (${p}u)((a != a) | (b != b));\n  return (${p}f)((r & ~nan) | ((${p}u)(a + b) & nan));`;
    const cmp = op === 'min' ? '<' : '>';
    const zeros = op === 'min' ? '|' : '&';
    const generic = `${p}u pick = (${p}u)(a ${cmp} b);\n  ${p}u r = ((${p}u)a & pick) | ((${p}u)b & ~pick);\n  ${p}u same = (${p}u)(a == b);\n  r = (r & ~same) | (((${p}u)a ${zeros} (${p}u)b) & same);\n  ${p}u nan = (${p}u)((a != a) | (b != b));\n  return (${p}f)((r & ~nan) | ((${p}u)(a + b) & nan));`;
    const guard = hw ? (bytes === 64 ? 'BM_GCC_X86 && defined(__AVX512F__)' : hw.guard) : '0';
    return `static inline ${p}f ${p}_${op}(${p}f a, ${p}f b) {\n#if ${guard}\n  ${fast}\n#else\n  ${generic}\n#endif\n}`;
  };
  // Masks are whole lanes (VecOps), so a blend on the sign bit is wasm's bitselect: one
  // instruction where GCC makes three (xor, and, xor) of the bitwise form.
  const blend = bytes === 16 ? `__builtin_ia32_blendv${bits === 32 ? 'ps' : 'pd'}` : bytes === 32 ? `__builtin_ia32_blendv${bits === 32 ? 'ps' : 'pd'}256` : '';
  const bitwise = `return (${p}f)(((${p}u)m & (${p}u)a) | (~(${p}u)m & (${p}u)b));`;
  const sel = blend && hw ? `#if ${hw.guard}\n  return ${blend}(b, a, m);\n#else\n  ${bitwise}\n#endif` : `  ${bitwise}`;
  const anyGeneric = `${p}u u = (${p}u)m; ${U} acc = 0; for (int i = 0; i < ${W}; i++) acc |= u[i]; return acc != 0;`;
  return /* c */ `
typedef ${T} ${p}f __attribute__((vector_size(${bytes})));
typedef ${I} ${p}i __attribute__((vector_size(${bytes})));
typedef ${U} ${p}u __attribute__((vector_size(${bytes})));
typedef long long bm_i64x${bytes}_${p} __attribute__((vector_size(${bytes})));
typedef ${T} ${p}s;
static inline ${p}u ${p}_splatu(${U} x) { return (${p}u){0} + x; }
static inline ${p}f ${p}_splat(${T} x) { ${lanes('r[i] = x')} }
static inline ${p}f ${p}_sel(${p}f m, ${p}f a, ${p}f b) {
${sel}
}
${fam.fma ? fmaSource(fam, bytes) : ''}
static inline ${p}f ${p}_sqrt(${p}f a) { ${lanes(`r[i] = ${fn('sqrt')}(a[i])`)} }
static inline ${p}f ${p}_floor(${p}f a) {
${round(9, fn('floor'))}
}
static inline ${p}f ${p}_ceil(${p}f a) {
${round(10, fn('ceil'))}
}
static inline ${p}f ${p}_nearest(${p}f a) {
${round(8, fn('rint'))}
}
${minmax('min')}
${minmax('max')}
static inline int ${p}_any(${p}f m) {
#if ${hw ? hw.anyGuard : '0'}
  return ${hw ? hw.any('m') : '0'};
#else
  ${anyGeneric}
#endif
}
static BM_COLD void ${p}_platform_sincos(${p}f x, ${p}f *s, ${p}f *c) {
  for (int i = 0; i < ${W}; i++) { double d = x[i]; (*s)[i] = (${T})sin(d); (*c)[i] = (${T})cos(d); }
}
static inline int ${p}_count(${p}f m) {
  ${p}u u = (${p}u)m; int n = 0; for (int i = 0; i < ${W}; i++) n += u[i] != 0; return n;
}
${fam.masks ? maskSource(fam, bytes) : ''}`;
}

/**
 * The lane masks of c-lanes.ts (LaneFamily.masks): a type of one bit a lane, comparisons into
 * it, a select by it, and its conversions to and from whole-lane vector masks. AVX-512 builtins
 * where the vector is one 512-bit register (GCC; the masks then live in k registers), a lane loop
 * elsewhere (and where BM_PORTABLE_MASKS is defined: the tests build the lane loops that way with
 * gcc, as clang would build them). The comparisons are the ordered, quiet predicates of C's < <= > >= == and the
 * unordered one of != (true for NaN), so every lane gets what C's vector comparison gives.
 */
function maskSource(fam: LaneFamily, bytes: number): string {
  const { p, bits, width: W } = fam;
  const K = `${p}k`;
  const [t, q] = bits === 32 ? ['ps', 'd'] : ['pd', 'q'];
  const ops: [string, string, number][] = [['lt', '<', 0x11], ['le', '<=', 0x12], ['gt', '>', 0x1e], ['ge', '>=', 0x1d], ['eq', '==', 0x00], ['ne', '!=', 0x04]];
  const hw = bytes === 64 && (bits === 32 ? W === 16 : W === 8);
  const vi = bits === 32 ? `${p}i` : `bm_i64x64_${p}`;
  const builtin = [
    ...ops.map(([name, , imm]) => `#define ${p}_k${name}(a, b) ((${K})__builtin_ia32_cmp${t}512_mask((a), (b), 0x${imm.toString(16)}, (${K})-1, 4))`),
    `static inline ${p}f ${p}_kblend(${K} m, ${p}f a, ${p}f b) { return __builtin_ia32_blendm${t}_512_mask(b, a, m); }`,
    `static inline ${K} ${p}_kfrom(${p}f v) { return (${K})__builtin_ia32_ptestm${q}512((${vi})v, (${vi})v, (${K})-1); }`,
  ].join('\n');
  const generic = [
    ...ops.map(([name, op]) => `static inline ${K} ${p}_k${name}(${p}f a, ${p}f b) { ${K} r = 0; for (int i = 0; i < ${W}; i++) r |= (${K})((${K})(a[i] ${op} b[i]) << i); return r; }`),
    `static inline ${p}f ${p}_kblend(${K} m, ${p}f a, ${p}f b) { ${p}f r; for (int i = 0; i < ${W}; i++) r[i] = (m >> i) & 1 ? a[i] : b[i]; return r; }`,
    `static inline ${K} ${p}_kfrom(${p}f v) { ${p}u u = (${p}u)v; ${K} r = 0; for (int i = 0; i < ${W}; i++) r |= (${K})((${K})(u[i] != 0) << i); return r; }`,
  ].join('\n');
  return `typedef ${W <= 8 ? 'uint8_t' : W <= 16 ? 'uint16_t' : W <= 32 ? 'uint32_t' : 'uint64_t'} ${K};
#if ${hw ? 'BM_GCC_X86 && defined(__AVX512F__) && !defined(BM_PORTABLE_MASKS)' : '0'}
${builtin}
#else
${generic}
#endif
static inline ${p}f ${p}_kvec(${K} m) { return ${p}_kblend(m, (${p}f)${p}_splatu(~(${bits === 32 ? 'uint32_t' : 'uint64_t'})0), (${p}f)${p}_splatu(0)); }
`;
}
