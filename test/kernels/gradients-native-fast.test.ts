import { afterAll, beforeAll, expect, it } from 'vitest';
import { useBackend } from '../../src/backends/registry.ts';
import { buildTape } from '../../kernels/ad/build.ts';
import { evalTape } from '../../kernels/ad/interpret.ts';
import { compileNative, evaluateNative } from '../../kernels/native/engine.ts';
import { libraryCases, NAMED, pointsIn, randomCases, show } from './support/expressions.ts';
import { bitDifferences, describeNative } from './support/native.ts';
import { descentOptions, tfValueAndGrad } from './support/oracle.ts';
import { close, magnitudeScale } from './support/tolerance.ts';

/**
 * native-fast's f and ∇f (fused multiply-adds, two-part sin/cos reductions) within the tolerances
 * the wasm and exact native engines are held to (gradients-cpu.test.ts says why they are what
 * they are): float32 against tf.grad, float64 against the tape run in float64. Not bit-identical
 * to exact native, and that is checked too: a kernel that silently fell back to the exact code
 * would pass the tolerances and prove nothing. The largest error of each kind, as a fraction of
 * its tolerance, is printed (kernels/README.md, "native-fast", quotes it).
 */
const CASES = [...NAMED, ...libraryCases(), ...randomCases(20, 2024)];
const POINTS = 48;
const worst = { f32: 0, f64: 0 };
let differing = 0;

beforeAll(async () => {
  await useBackend('cpu');
});

afterAll(() => {
  console.log(`native-fast: largest error / tolerance: float32 ${worst.f32.toFixed(3)} (vs tf.grad), float64 ${worst.f64.toFixed(3)} (vs the float64 tape); ${differing} of ${CASES.length} cases differ from exact native in some bit`);
});

/** |got − want| as a fraction of the tolerance rel·|want| + abs (finite values). */
const used = (got: number, want: number, rel: number, abs: number) => (Number.isFinite(want) ? Math.abs(got - want) / (rel * Math.abs(want) + abs) : 0);

describeNative('native-fast f and ∇f', () => {
  CASES.forEach((c, k) => {
    it(`${c.name}: float32 within tolerance of tf.grad, float64 of the float64 tape`, async () => {
      const tape = buildTape(c.expr, c.d);
      const pts = pointsIn(c.box, POINTS, 100 + k);
      const opts = descentOptions(c.box);
      const [ref, f32, f64, e32] = await Promise.all([
        tfValueAndGrad(c.expr, c.d, pts),
        compileNative(tape, opts, 'float32', { evaluateOnly: true, fast: true }).then((kn) => evaluateNative(kn, pts)),
        compileNative(tape, opts, 'float64', { evaluateOnly: true, fast: true }).then((kn) => evaluateNative(kn, pts)),
        compileNative(tape, opts, 'float32', { evaluateOnly: true }).then((kn) => evaluateNative(kn, pts)),
      ]);
      for (let i = 0; i < POINTS; i++) {
        const x = Array.from(pts.subarray(i * c.d, (i + 1) * c.d));
        const scale = magnitudeScale(tape, x);
        const exact = evalTape(tape, x);
        const where = `${show(c.expr)} at [${x.join(', ')}]`;
        // The wasm engine's tolerances (gradients-native.test.ts): float32 2e-5 relative plus
        // 2e-6 of the largest intermediate, float64 1e-11 relative plus 1e-13 of it.
        const pairs: Array<[number, number, 'f32' | 'f64', string]> = [
          [f32.f[i], ref.f[i], 'f32', 'f'], [f64.f[i], exact.f, 'f64', 'f'],
          ...Array.from({ length: c.d }, (_, j): Array<[number, number, 'f32' | 'f64', string]> => [
            [f32.grad[i * c.d + j], ref.grad[i * c.d + j], 'f32', `∂${j}`],
            [f64.grad[i * c.d + j], exact.grad[j], 'f64', `∂${j}`],
          ]).flat(),
        ];
        for (const [got, want, kind, what] of pairs) {
          const [rel, abs] = kind === 'f32' ? [2e-5, 2e-6 * scale] : [1e-11, 1e-13 * scale];
          worst[kind] = Math.max(worst[kind], used(got, want, rel, abs));
          expect(close(got, want, rel, abs), `${kind} ${what} ${got} vs ${want}: ${where}`).toBe(true);
        }
      }
      if (bitDifferences(f32.f, e32.f).length + bitDifferences(f32.grad, e32.grad).length > 0) differing++;
    });
  });

  it('is not the exact kernel under another name: most cases end on other bits somewhere', () => {
    // Runs after the cases above (vitest keeps file order). A case of only additions, or of
    // products never added, has nothing to fuse, so not every case differs; most do.
    expect(differing).toBeGreaterThan(CASES.length / 2);
  });
});
