import { tf } from './src/tf.ts';
import { LIBRARY } from './src/objectives/library/index.ts';
import { parseExpression } from './src/objectives/expression/parse.ts';
import { exprToTfjs } from './src/objectives/expression/to-tfjs.ts';
for (const o of LIBRARY) {
  const d = o.defaultDim;
  const src = o.expression?.(d);
  if (!src) { console.log(o.name, 'no expression'); continue; }
  try {
    const p = parseExpression(src, { dim: d });
    const f = exprToTfjs(p.expr);
    const box = o.box(d);
    const x = tf.tensor2d(Array.from({ length: 50 }, (_, i) => box.map(([a, b], j) => a + (b - a) * (((i * 7919 + j * 104729) % 97) / 97))));
    const a = f(x).arraySync(), b = o.f(x).arraySync();
    const err = Math.max(...a.map((v, i) => Math.abs(v - b[i]) / (1 + Math.abs(b[i]))));
    console.log(o.name, d, 'max rel err', err.toExponential(2));
  } catch (e) { console.log(o.name, 'ERROR', (e as Error).message); }
}
