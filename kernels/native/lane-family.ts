/** The C names of one lane type: the float vector, its signed and unsigned integer views, the helpers' prefix. */
export interface LaneFamily {
  /** Helper prefix: `${p}_min`, `${p}_any`... and the vector types `${p}f`, `${p}i`, `${p}u`. */
  p: string;
  bits: 32 | 64;
  width: number;
  /**
   * Fused multiply-adds (the native-fast engine): a product that is added to or subtracted from
   * becomes one `p_fma` (one rounding). Off: every operation rounds on its own, as wasm's do.
   */
  fma?: boolean;
  /**
   * Comparisons give lane masks of their own C type (`${p}k`: one bit a lane), which the
   * and/or/not of masks, selects and any-lane tests use directly: where the vector is one AVX-512
   * register they live in its mask registers (k0–k7). Off: masks are whole lanes of the float
   * vector (VecOps's bit model), which AVX-512 compilers must rebuild from a mask register after
   * every compare (a masked move each) and test back (measured: 44 of 534 instructions of the
   * Rastrigin-2D gd step, benchmarks/README.md). The values are the same either way.
   */
  masks?: boolean;
}
