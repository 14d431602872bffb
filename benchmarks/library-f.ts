/**
 * Library functions' tfjs graphs: hand-written vs derived from the expression form. Time per
 * gradient step (tf.grad of the batch sum, as the tfjs engine runs it) of 1e4 starts on wasm,
 * alternating A B A B, and the kernels each dispatches. What src/objectives/library/from-expression.ts
 * decided from. Usage: npx tsx benchmarks/library-f.ts [steps]
 */
import { tf } from '../core/tf.ts';
import { useBackend } from '../src/backends/registry.ts';
import { LIBRARY } from '../src/objectives/library/index.ts';
import { parseExpression } from '../src/objectives/expression/parse.ts';
import { exprToTfjs } from '../src/objectives/expression/to-tfjs.ts';
await useBackend('wasm');
const n = 1e4;
const steps = Number(process.argv[2] ?? 30);
for (const o of LIBRARY) {
  for (const d of o.dim === 'any' ? [2, 10] : [o.defaultDim]) {
    const box = o.box(d);
    const x = tf.tensor2d(Float32Array.from({ length: n * d }, (_, k) => box[k % d][0] + Math.random() * (box[k % d][1] - box[k % d][0])), [n, d]);
    // The any-dimension functions' f is hand-written; for the others o.f is already the derived one.
    const hand = o.f;
    const derived = exprToTfjs(parseExpression(o.expression!(d), { dim: d }).expr);
    const time = async (f: typeof hand) => {
      const g = tf.grad((v: tf.Tensor) => tf.sum(f(v as tf.Tensor2D)));
      const t0 = performance.now();
      for (let i = 0; i < steps; i++) { const r = g(x); await r.data(); r.dispose(); }
      return (performance.now() - t0) / steps;
    };
    await time(hand); await time(derived);
    let a = 0, b = 0;
    for (let r = 0; r < 3; r++) { a += await time(hand); b += await time(derived); }
    const kernels = async (f: typeof hand) => (await tf.profile(() => { const r = tf.grad((v: tf.Tensor) => tf.sum(f(v as tf.Tensor2D)))(x); r.dispose(); return []; })).kernels.length;
    console.log(`${o.name.padEnd(16)} d=${String(d).padEnd(3)} hand ${(a / 3).toFixed(2)} ms  derived ${(b / 3).toFixed(2)} ms  ratio ${(b / a).toFixed(2)}  kernels ${await kernels(hand)} vs ${await kernels(derived)}`);
    x.dispose();
  }
}
