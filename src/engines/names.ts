/** Engine names, apart from the engines themselves: the CLI's options need these without loading the kernel compiler. */
export type EngineName = 'auto' | 'fused' | 'tfjs';
export const ENGINE_NAMES: readonly EngineName[] = ['auto', 'fused', 'tfjs'];
