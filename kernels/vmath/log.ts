import type { VecOps as Lanes, V } from '../vector-ops.ts';

// musl's logf / log (from FreeBSD): log(1+f) = f − f²/2 + s·(f²/2 + R(s²)), s = f/(2+f).
const F32 = {
  lg: [0xaaaaaa / 2 ** 24, 0xccce13 / 2 ** 25, 0x91e9ee / 2 ** 25, 0xf89e26 / 2 ** 26],
  ln2hi: 6.9313812256e-01,
  ln2lo: 9.0580006145e-06,
  sqrtHalfBits: 0x3f3504f3n,
};
const F64 = {
  lg: [6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01, 2.222219843214978396e-01,
    1.818357216161805012e-01, 1.531383769920937332e-01, 1.479819860511658591e-01],
  ln2hi: 6.93147180369123816490e-01,
  ln2lo: 1.90821492927058770002e-10,
  sqrtHalfBits: 0x3fe6a09e00000000n,
};

/**
 * ln x per lane. x = 2^k·m with m in [√½, √2) taken from the bits (subnormals are first scaled
 * into the normal range), then musl's rational-in-disguise kernel for log m. Special values as in
 * IEEE/Math.log: log 0 = −∞, log ∞ = ∞, log of a negative or NaN = NaN.
 * Measured error (test/kernels/vmath.test.ts): ≤ 1 ulp float32, ≤ 1 ulp float64.
 */
export function logLanes(L: Lanes, x: V): V {
  const C = L.bits === 32 ? F32 : F64;
  const mant = BigInt(L.mant);
  const oneBits = BigInt(L.bias) << mant;
  const tiny = L.lt(x, L.c(2 ** (1 - L.bias)));
  const up = L.mant + 2;
  const xs = L.sel(tiny, L.mul(x, L.c(2 ** up)), x);
  const kAdjust = L.sel(tiny, L.c(-up), L.c(0));

  // Offsetting the bits by bits(1) − bits(√½) before splitting exponent from mantissa, and adding
  // bits(√½) back to the mantissa, gives m in [√½, √2) without a compare (musl's trick).
  const i = L.iadd(xs, L.ci(oneBits - C.sqrtHalfBits));
  const exponent = L.ishrU(i, L.mant);
  // An integer e < 2^mant OR'ed into the bits of 2^mant is the float 2^mant + e.
  const twoMant = L.ci(BigInt(L.bias + L.mant) << mant);
  const k = L.add(L.sub(L.or(exponent, twoMant), L.c(2 ** L.mant + L.bias)), kAdjust);
  const m = L.iadd(L.and(i, L.ci((1n << mant) - 1n)), L.ci(C.sqrtHalfBits));
  const f = L.sub(m, L.c(1));

  const hfsq = L.mul(L.mul(L.c(0.5), f), f);
  const s = L.div(f, L.add(L.c(2), f));
  const z = L.mul(s, s);
  const w = L.mul(z, z);
  const odd = C.lg.filter((_, j) => j % 2 === 0);
  const even = C.lg.filter((_, j) => j % 2 === 1);
  const t1 = L.mul(w, L.poly(w, even));
  const t2 = L.mul(z, L.poly(w, odd));
  const R = L.add(t2, t1);
  let r = L.add(L.mul(s, L.add(hfsq, R)), L.mul(k, L.c(C.ln2lo)));
  r = L.add(L.add(L.sub(r, hfsq), f), L.mul(k, L.c(C.ln2hi)));

  r = L.sel(L.eq(x, L.c(0)), L.c(-Infinity), r);
  r = L.sel(L.eq(x, L.inf), L.inf, r);
  // Negative x and NaN both fail x ≥ 0.
  return L.sel(L.ge(x, L.c(0)), r, L.c(NaN));
}
