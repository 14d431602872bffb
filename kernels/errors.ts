/**
 * Why an expression or an option set cannot run on a fused target. The message is one line a
 * caller can print before falling back to the tfjs engine. (Its own module so that the native
 * engine, which index.ts loads on demand, can throw it without importing index.ts.)
 */
export class FusedCompileError extends Error {
  override name = 'FusedCompileError';
}
