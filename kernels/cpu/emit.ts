import binaryen from 'binaryen';

/** A fresh module with SIMD enabled and one exported memory. */
export function newModule(initialPages = 1): binaryen.Module {
  const m = new binaryen.Module();
  m.setFeatures(binaryen.Features.MVP | binaryen.Features.SIMD128 | binaryen.Features.NontrappingFPToInt | binaryen.Features.SignExt);
  m.setMemory(initialPages, 65536, 'memory');
  return m;
}

/**
 * Validates, optimizes (-O3: inlining, local coalescing, constant propagation over the SSA-style
 * locals the generators emit) and returns the module's binary. Disposes the module.
 */
export function finishModule(m: binaryen.Module): Uint8Array<ArrayBuffer> {
  try {
    if (!m.validate()) throw new Error('internal error: the generated wasm module does not validate');
    binaryen.setOptimizeLevel(3);
    binaryen.setShrinkLevel(0);
    m.optimize();
    return new Uint8Array(m.emitBinary());
  } finally {
    m.dispose();
  }
}
