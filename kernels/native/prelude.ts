import type { LaneFamily } from './c-lanes.ts';

/**
 * The C prelude of a native kernel: includes, and for each lane family (c-lanes.ts) its vector
 * types and the helpers GCC's vector extensions have no operator for. Each helper has an x86
 * intrinsic where the family's vector is exactly one register of the ISA the compiler targets
 * (-march=native decides: the intrinsic branches test the compiler's own __AVX__... macros), and
 * a portable lane loop otherwise (other CPUs, and the float64 lanes twice a register wide that
 * float32 pow uses). Every branch computes the same IEEE results as wasm SIMD, bit for bit:
 * roundps/roundpd are what V8 emits for f32x4.floor/ceil/nearest; min and max keep wasm's
 * NaN propagation and −0 < +0 (V8's sequence without its NaN canonicalisation: a NaN result
 * may carry another payload).
 */
export function preludeSource(families: LaneFamily[]): string {
  return [HEADER, ...families.map(familySource)].join('\n');
}

const HEADER = /* c */ `#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <pthread.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define BM_X86 1
#else
#define BM_X86 0
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

function familySource(fam: LaneFamily): string {
  const { p, bits, width: W } = fam;
  const bytes = (bits / 8) * W;
  const [T, I, U] = bits === 32 ? ['float', 'int32_t', 'uint32_t'] : ['double', 'int64_t', 'uint64_t'];
  const sfx = bits === 32 ? 'ps' : 'pd';
  const fn = (name: string) => (bits === 32 ? `__builtin_${name}f` : `__builtin_${name}`);
  // The intrinsic prefix and the ISA macro for a vector of `bytes` bytes, if x86 has one.
  const isa = bytes === 16 ? { pre: '_mm', mac: '__SSE4_1__', reg: bits === 32 ? '__m128' : '__m128d', ireg: '__m128i' }
    : bytes === 32 ? { pre: '_mm256', mac: '__AVX__', reg: bits === 32 ? '__m256' : '__m256d', ireg: '__m256i' }
      : bytes === 64 ? { pre: '_mm512', mac: '__AVX512F__', reg: bits === 32 ? '__m512' : '__m512d', ireg: '__m512i' }
        : undefined;
  const guard = isa ? `BM_X86 && defined(${isa.mac})` : '0';
  const round = (mode: string, generic: string) => {
    const hw = !isa ? '' : bytes === 64
      ? `return (${p}f)${isa.pre}_roundscale_${sfx}((${isa.reg})a, ${mode} | _MM_FROUND_NO_EXC);`
      : `return (${p}f)${isa.pre}_round_${sfx}((${isa.reg})a, ${mode} | _MM_FROUND_NO_EXC);`;
    return `#if ${guard}\n  ${hw}\n#else\n  ${p}f r; for (int i = 0; i < ${W}; i++) r[i] = ${generic}(a[i]); return r;\n#endif`;
  };
  const anyHw = !isa ? '' : bytes === 64
    ? `return _mm512_test_epi${bits}_mask((__m512i)m, (__m512i)m) != 0;`
    : `return !${isa.pre}_testz_si${bytes * 8}((${isa.ireg})m, (${isa.ireg})m);`;
  const minmax = (op: 'min' | 'max') => {
    const hw = !isa ? '' : op === 'min'
      // minps returns its second operand when either is NaN or both are zero: OR of both orders
      // gives −0 for {−0, +0} and a NaN whenever an operand is one.
      ? `${p}u r = (${p}u)${isa.pre}_min_${sfx}((${isa.reg})a, (${isa.reg})b) | (${p}u)${isa.pre}_min_${sfx}((${isa.reg})b, (${isa.reg})a);\n  return (${p}f)r;`
      // AND of both orders gives +0 for {−0, +0}; NaN lanes take a + b (a NaN).
      : `${p}u r = (${p}u)${isa.pre}_max_${sfx}((${isa.reg})a, (${isa.reg})b) & (${p}u)${isa.pre}_max_${sfx}((${isa.reg})b, (${isa.reg})a);\n  ${p}u nan = (${p}u)((a != a) | (b != b));\n  return (${p}f)((r & ~nan) | ((${p}u)(a + b) & nan));`;
    const cmp = op === 'min' ? '<' : '>';
    const zeros = op === 'min' ? '|' : '&';
    const generic = `${p}u pick = (${p}u)(a ${cmp} b);\n  ${p}u r = ((${p}u)a & pick) | ((${p}u)b & ~pick);\n  ${p}u same = (${p}u)(a == b);\n  r = (r & ~same) | (((${p}u)a ${zeros} (${p}u)b) & same);\n  ${p}u nan = (${p}u)((a != a) | (b != b));\n  return (${p}f)((r & ~nan) | ((${p}u)(a + b) & nan));`;
    return `static inline ${p}f ${p}_${op}(${p}f a, ${p}f b) {\n#if ${guard}\n  ${hw}\n#else\n  ${generic}\n#endif\n}`;
  };
  return /* c */ `
typedef ${T} ${p}f __attribute__((vector_size(${bytes})));
typedef ${I} ${p}i __attribute__((vector_size(${bytes})));
typedef ${U} ${p}u __attribute__((vector_size(${bytes})));
typedef ${T} ${p}s;
#define ${p.toUpperCase()}_W ${W}
static inline ${p}u ${p}_splatu(${U} x) { return (${p}u){0} + x; }
static inline ${p}f ${p}_splat(${T} x) { ${p}f r; for (int i = 0; i < ${W}; i++) r[i] = x; return r; }
static inline ${p}f ${p}_sel(${p}f m, ${p}f a, ${p}f b) { return (${p}f)(((${p}u)m & (${p}u)a) | (~(${p}u)m & (${p}u)b)); }
static inline ${p}f ${p}_sqrt(${p}f a) { ${p}f r; for (int i = 0; i < ${W}; i++) r[i] = ${fn('sqrt')}(a[i]); return r; }
static inline ${p}f ${p}_floor(${p}f a) {
${round('_MM_FROUND_TO_NEG_INF', fn('floor'))}
}
static inline ${p}f ${p}_ceil(${p}f a) {
${round('_MM_FROUND_TO_POS_INF', fn('ceil'))}
}
static inline ${p}f ${p}_nearest(${p}f a) {
${round('_MM_FROUND_TO_NEAREST_INT', fn('rint'))}
}
${minmax('min')}
${minmax('max')}
static inline int ${p}_any(${p}f m) {
#if ${guard}
  ${anyHw}
#else
  ${p}u u = (${p}u)m; ${U} acc = 0; for (int i = 0; i < ${W}; i++) acc |= u[i]; return acc != 0;
#endif
}
static BM_COLD void ${p}_platform_sincos(${p}f x, ${p}f *s, ${p}f *c) {
  for (int i = 0; i < ${W}; i++) { double d = x[i]; (*s)[i] = (${T})sin(d); (*c)[i] = (${T})cos(d); }
}
static inline int ${p}_count(${p}f m) {
  ${p}u u = (${p}u)m; int n = 0; for (int i = 0; i < ${W}; i++) n += u[i] != 0; return n;
}
`;
}
