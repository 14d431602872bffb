import type { VecOps as Lanes, V } from '../vector-ops.ts';

/**
 * e^x per lane. Cody–Waite reduction x = n·ln2 + r, |r| ≤ ln2/2, with ln2 split in two so n·hi is
 * exact; a minimax polynomial for e^r (cephes expf in float32, degree-13 Taylor in float64 whose
 * truncation error at |r| = ln2/2 is 4e-18); then the result is scaled by 2^n as two factors
 * 2^⌊n/2⌋·2^(n−⌊n/2⌋), each a normal number, so overflow gives ∞ and underflow goes gradually
 * through the subnormals to 0 exactly as the hardware rounds them.
 * Measured error (test/kernels/vmath.test.ts): ≤ 1 ulp float32, ≤ 1 ulp float64.
 */
export function expLanes(L: Lanes, x: V): V {
  const f32 = L.bits === 32;
  // Beyond these every result is 0 or ∞; clamping keeps n small enough for the bit tricks.
  const xc = L.min(L.max(x, L.c(f32 ? -104 : -746)), L.c(f32 ? 89 : 710));
  const { n, bits: ni } = roundToInteger(L, L.mul(xc, L.c(Math.LOG2E)));
  const r = f32
    ? L.sub(L.sub(xc, L.mul(n, L.c(0.693359375))), L.mul(n, L.c(-2.12194440e-4)))
    : L.sub(L.sub(xc, L.mul(n, L.c(6.93147180369123816490e-01))), L.mul(n, L.c(1.90821492927058770002e-10)));
  let p: V;
  if (f32) {
    const q = L.poly(r, [5.0000001201e-1, 1.6666665459e-1, 4.1665795894e-2, 8.3334519073e-3, 1.3981999507e-3, 1.9875691500e-4]);
    p = L.add(L.add(L.mul(q, L.mul(r, r)), r), L.c(1));
  } else {
    const coeffs = [1];
    for (let k = 1; k <= 13; k++) coeffs.push(coeffs[k - 1] / k);
    p = L.poly(r, coeffs);
  }
  const n1 = L.ishrS(ni, 1);
  const n2 = L.isub(ni, n1);
  const scale = (k: V) => L.ishl(L.iadd(k, L.ci(BigInt(L.bias))), L.mant);
  return L.mul(L.mul(p, scale(n1)), scale(n2));
}

/**
 * n = round(y) as a float, and n as an integer in the lanes' bits (valid for |n| < 2^(mant−1)).
 * Adding 1.5·2^mant to the integer n is exact and leaves n in the low bits. Rounding with
 * nearest() first, rather than by the add itself (the classic shifter trick), keeps this exact
 * even where a shader compiler reassociates (y + S) − S into y, as some GPU drivers do.
 */
export function roundToInteger(L: Lanes, y: V): { n: V; bits: V } {
  const n = L.nearest(y);
  const shifter = 1.5 * 2 ** L.mant;
  const shifterBits = (BigInt(L.bias + L.mant) << BigInt(L.mant)) | (1n << BigInt(L.mant - 1));
  return { n, bits: L.isub(L.add(n, L.c(shifter)), L.ci(shifterBits)) };
}
