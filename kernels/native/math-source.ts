import { MATH_FUNCTIONS, mathLanes, type MathFn } from '../vmath/index.ts';
import type { FusedDtype } from '../types.ts';
import { compiledLibrary } from './cache.ts';
import { CBody } from './c-body.ts';
import { CLanes } from './c-lanes.ts';
import { findCompiler } from './compiler.ts';
import { loadKoffi } from './ffi.ts';
import { laneFamilies } from './module-source.ts';
import { preludeSource } from './prelude.ts';

/**
 * The vector math library alone as C, one exported function per op mapping arrays to arrays
 * (`bm_math_<fn>(x, y, out, nVec)`), exact or with fused multiply-adds (native-fast): the C
 * counterpart of cpu/codegen/math-module.ts, so the accuracy of what the native kernels run is
 * measured the same way (test/kernels/vmath-native.test.ts). Full slow paths (no onBig): every
 * lane's value is final.
 */
export function mathSource(dtype: FusedDtype, vectorBytes: number, fast: boolean): string {
  const { main, wide } = laneFamilies(dtype, vectorBytes, true, fast);
  const S = `${main.p}s`;
  const W = main.width;
  const fns = MATH_FUNCTIONS.map((name) => {
    const body = new CBody();
    const L = new CLanes(body, main, wide);
    body.block('for (int64_t k = 0; k < nVec; k++)', () => {
      // Lane by lane: the arrays come from JavaScript, not aligned to a vector.
      const load = (src: string) => {
        const v = body.declare(L.F);
        body.emit(`for (int l = 0; l < ${W}; l++) ${v}[l] = ${src}[k * ${W} + l];`);
        return L.ref(v);
      };
      const r = mathLanes(L, name, L.let(load('xs').get()), L.let(load('ys').get()));
      body.emit(`for (int l = 0; l < ${W}; l++) out[k * ${W} + l] = ${r.get()}[l];`);
    });
    return `BM_EXPORT void bm_math_${name}(const ${S} *xs, const ${S} *ys, ${S} *out, int64_t nVec) {\n${body.code()}\n}\n`;
  });
  return [`/* basinmap native${fast ? '-fast' : ''} vector math (${dtype}). Generated; do not edit. */`, preludeSource(wide ? [main, wide] : [main]), ...fns].join('\n');
}

/**
 * The library compiled (cached like any kernel) and loaded: apply(fn, x, y) → fn per element,
 * as mathModule. Throws when there is no compiler (callers check nativeStatus first).
 */
export async function nativeMathModule(dtype: FusedDtype, fast: boolean, env: NodeJS.ProcessEnv = process.env): Promise<(fn: MathFn, x: ArrayLike<number>, y?: ArrayLike<number>) => Float32Array | Float64Array> {
  const found = findCompiler(env);
  if (!found.ok) throw new Error(found.why);
  const { vectorBytes } = found.compiler;
  const built = await compiledLibrary(mathSource(dtype, vectorBytes, fast), found.compiler, env);
  const lib = (await loadKoffi()).load(built.path);
  const T = dtype === 'float32' ? 'float' : 'double';
  const fns = new Map(MATH_FUNCTIONS.map((name) => [name, lib.func(`void bm_math_${name}(const ${T} *xs, const ${T} *ys, _Out_ ${T} *out, int64_t nVec)`)]));
  const Arr = dtype === 'float32' ? Float32Array : Float64Array;
  const width = vectorBytes / Arr.BYTES_PER_ELEMENT;
  return (fn, x, y) => {
    const nVec = Math.ceil(x.length / width);
    const xs = new Arr(nVec * width);
    xs.set(x);
    const ys = new Arr(nVec * width);
    if (y) ys.set(y);
    const out = new Arr(nVec * width);
    fns.get(fn)!(xs, ys, out, nVec);
    return out.slice(0, x.length);
  };
}
