/** Arithmetic of a run. tfjs and WGSL compute in float32; the CPU engines also in float64. */
export type Dtype = 'float32' | 'float64';
