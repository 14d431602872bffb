import type { FusedDtype } from '../types.ts';
import { NATIVE_ABI } from './module-source.ts';

type Koffi = typeof import('koffi');
/** A pointer returned by the library (koffi's external), opaque here. */
export type Pointer = unknown;

/** The entry points of a kernel's run library (module-source.ts documents them). */
export interface NativeLibrary {
  alloc(bytes: number): Pointer | null;
  /** Advises the memory of a large typed array as huge pages before it is first written (bm_advise_huge). */
  adviseHuge(array: ArrayBufferView, bytes: number): void;
  free(p: Pointer): void;
  table(dst: Pointer, src: Float64Array, len: number): void;
  pack(rec: Pointer, x0: Float32Array, n: number): void;
  /** Asynchronous: runs on a koffi worker thread, so the event loop (Ctrl-C, progress) keeps going. */
  run(rec: Pointer, n: number, t0: number, K: number, table: Pointer | null, threads: number): Promise<number>;
  /** x, fun, gradNorm in the kernel's dtype (Float64Array for a float64 kernel). */
  unpack(rec: Pointer, n: number, reached: number, x: Float32Array | Float64Array, fun: Float32Array | Float64Array, gradNorm: Float32Array | Float64Array, nit: Int32Array, status: Uint8Array, threads: number): void;
  /** memcpy on `threads` threads (bm_copy): the starts into a fresh column. */
  copy(dst: ArrayBufferView, src: ArrayBufferView, bytes: number, threads: number): void;
}

/** The entry point of a kernel's evaluate library. */
export type NativeEvaluate = (points: Float64Array, n: number, f: Float32Array | Float64Array, grad: Float32Array | Float64Array) => void;

let koffiModule: Promise<Koffi> | undefined;

/** koffi, loaded on first use (its prebuilt addon is only needed by the native engine). */
export function loadKoffi(): Promise<Koffi> {
  koffiModule ??= import('koffi').then((m) => ((m as unknown as { default?: Koffi }).default ?? m) as Koffi);
  return koffiModule;
}

const loaded = new Map<string, unknown>();

/** koffi's handle on a library (once per process and path), its ABI version checked. */
async function open(path: string) {
  const koffi = await loadKoffi();
  const lib = koffi.load(path);
  const abi = lib.func('int32_t bm_abi(void)')() as number;
  if (abi !== NATIVE_ABI) throw new Error(`it has entry points of version ${abi}, this basinmap expects ${NATIVE_ABI}`);
  return lib;
}

/** Loads a kernel's evaluate library and binds bm_evaluate. */
export async function loadEvaluate(path: string, dtype: FusedDtype): Promise<NativeEvaluate> {
  const hit = loaded.get(path);
  if (hit) return hit as NativeEvaluate;
  const S = dtype === 'float32' ? 'float' : 'double';
  const evaluate = (await open(path)).func(`void bm_evaluate(const double *pts, int64_t n, ${S} *fo, ${S} *go)`) as never;
  loaded.set(path, evaluate);
  return evaluate;
}

/** Loads a kernel's run library and binds its functions. */
export async function loadLibrary(path: string, dtype: FusedDtype): Promise<NativeLibrary> {
  const hit = loaded.get(path);
  if (hit) return hit as NativeLibrary;
  const lib = await open(path);
  const S = dtype === 'float32' ? 'float' : 'double';
  const run = lib.func('int64_t bm_run(void *rec, int64_t n, int32_t t0, int32_t K, void *table, int32_t threads)');
  const bound: NativeLibrary = {
    alloc: lib.func('void *bm_alloc(int64_t bytes)') as never,
    adviseHuge: lib.func('void bm_advise_huge(void *p, int64_t bytes)') as never,
    free: lib.func('void bm_free(void *p)') as never,
    table: lib.func(`void bm_table(void *dst, const double *src, int64_t len)`) as never,
    pack: lib.func('void bm_pack(void *rec, const float *x0, int64_t n)') as never,
    run: (...args) => new Promise((resolve, reject) => {
      run.async(...args, (err: unknown, res: number | bigint) => (err ? reject(err) : resolve(Number(res))));
    }),
    unpack: lib.func(`void bm_unpack(void *rec, int64_t n, int32_t reached, ${S} *x, ${S} *fun, ${S} *gn, int32_t *nit, uint8_t *status, int32_t threads)`) as never,
    copy: lib.func('void bm_copy(void *dst, const void *src, int64_t bytes, int32_t threads)') as never,
  };
  loaded.set(path, bound);
  return bound;
}
