/**
 * What every generated module imports: Math.sin and Math.cos, the slow path of sin/cos for
 * arguments beyond the vector range reduction (vmath/trig.ts). Unused imports are dropped by
 * the optimizer, so passing these to a module that needs none is harmless.
 */
export const WASM_IMPORTS = { math: { sin: Math.sin, cos: Math.cos } };
