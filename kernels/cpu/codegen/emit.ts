import binaryen from 'binaryen';
import { ConstPool } from './const-pool.ts';
export { WASM_IMPORTS } from '../imports.ts';

/**
 * Internal name of the one memory. Loads name it explicitly because the memory itself is only
 * declared at the end, once the constant pool's size is known.
 */
export const MEMORY = 'mem';


/** A fresh module with SIMD enabled, and the constant pool its functions will share. */
export function newModule(): { m: binaryen.Module; pool: ConstPool } {
  const m = new binaryen.Module();
  m.setFeatures(binaryen.Features.MVP | binaryen.Features.SIMD128 | binaryen.Features.NontrappingFPToInt | binaryen.Features.SignExt);
  for (const fn of ['sin', 'cos'] as const) m.addFunctionImport(`js_${fn}`, 'math', fn, binaryen.f64, binaryen.f64);
  return { m, pool: new ConstPool() };
}

/**
 * Installs the memory (constant pool at 0, `heap_base` after it), validates, optimizes (-O3:
 * local coalescing and CSE over the SSA-style locals the generators emit) and returns the
 * module's binary. Disposes the module.
 */
export function finishModule(m: binaryen.Module, pool: ConstPool): Uint8Array<ArrayBuffer> {
  try {
    pool.install(m);
    if (!m.validate()) throw new Error('internal error: the generated wasm module does not validate');
    binaryen.setOptimizeLevel(3);
    binaryen.setShrinkLevel(0);
    m.optimize();
    return new Uint8Array(m.emitBinary());
  } finally {
    m.dispose();
  }
}
