import { tf } from '/work/main/core/tf.ts';
import { useBackend } from '/work/main/src/backends/registry.ts';
import { findLibraryFunction } from '/work/main/src/objectives/library/index.ts';
import { parseExpression } from '/work/main/src/objectives/expression/parse.ts';
import { exprToTfjs } from '/work/main/src/objectives/expression/to-tfjs.ts';
await useBackend('wasm');
const o = findLibraryFunction(process.argv[2] ?? 'himmelblau')!;
const x = tf.randomUniform([100, 2]) as tf.Tensor2D;
for (const f of [o.f, exprToTfjs(parseExpression(o.expression!(2)).expr)]) {
  const info = await tf.profile(() => { const r = tf.grad((v: tf.Tensor) => tf.sum(f(v as tf.Tensor2D)))(x); r.dispose(); return []; });
  const c: Record<string, number> = {};
  for (const k of info.kernels) c[k.name] = (c[k.name] ?? 0) + 1;
  console.log(info.kernels.length, JSON.stringify(c), 'newTensors', info.newTensors, 'newBytes', info.newBytes);
}
