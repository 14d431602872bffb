import binaryen from 'binaryen';
import type { FusedDtype } from '../../types.ts';
import { Body } from './body.ts';
import { finishModule, MEMORY, newModule, WASM_IMPORTS } from './emit.ts';
import { Lanes, type V } from './lanes.ts';
import { MATH_FUNCTIONS, mathLanes, type MathFn } from '../../vmath/index.ts';

export { MATH_FUNCTIONS, type MathFn };

/**
 * The vector math library alone, one exported function per op mapping arrays to arrays, so its
 * accuracy can be measured against Math.* (test/kernels/vmath.test.ts).
 */
export async function mathModule(dtype: FusedDtype): Promise<(fn: MathFn, x: ArrayLike<number>, y?: ArrayLike<number>) => Float32Array | Float64Array> {
  const { m, pool } = newModule();
  const i32 = binaryen.i32;
  for (const name of MATH_FUNCTIONS) {
    // (inX, inY, out, nVec): applies the function to nVec vectors.
    const body = new Body(m, [i32, i32, i32, i32], pool);
    const L = new Lanes(body, dtype);
    const k = body.local(i32);
    const get = (idx: number) => m.local.get(idx, i32);
    const addr = (base: number) => m.i32.add(get(base), m.i32.mul(get(k), m.i32.const(16)));
    body.emit(m.local.set(k, m.i32.const(0)));
    body.emit(m.block('done', [m.loop('next', body.block(() => {
      body.emit(m.br('done', m.i32.ge_s(get(k), get(3))));
      const x: V = L.let(m.v128.load(0, 16, addr(0), MEMORY));
      const y: V = L.let(m.v128.load(0, 16, addr(1), MEMORY));
      const r = mathLanes(L, name, x, y);
      body.emit(m.v128.store(0, 16, addr(2), r.get(), MEMORY));
      body.emit(m.local.set(k, m.i32.add(get(k), m.i32.const(1))));
      body.emit(m.br('next'));
    }))]));
    m.addFunction(name, binaryen.createType([i32, i32, i32, i32]), binaryen.none, body.locals, body.finish());
    m.addFunctionExport(name, name);
  }
  const bytes = finishModule(m, pool);
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(bytes), WASM_IMPORTS);
  const exports = instance.exports as Record<string, (...a: number[]) => void> & { memory: WebAssembly.Memory; heap_base: WebAssembly.Global };
  const Arr = dtype === 'float32' ? Float32Array : Float64Array;
  const width = 16 / Arr.BYTES_PER_ELEMENT;
  return (fn, x, y) => {
    const nVec = Math.ceil(x.length / width);
    const bytesPer = nVec * 16;
    const base = exports.heap_base.value as number;
    const need = base + 3 * bytesPer;
    const mem = exports.memory;
    if (mem.buffer.byteLength < need) mem.grow(Math.ceil((need - mem.buffer.byteLength) / 65536));
    new Arr(mem.buffer, base, nVec * width).set(x);
    new Arr(mem.buffer, base + bytesPer, nVec * width).set(y ?? new Arr(x.length));
    exports[fn](base, base + bytesPer, base + 2 * bytesPer, nVec);
    return new Arr(mem.buffer, base + 2 * bytesPer, x.length).slice();
  };
}
