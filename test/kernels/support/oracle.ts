import type { DescentOptions } from '../../../src/descent/options.ts';
import type { Expr } from '../../../src/objectives/expression/ir.ts';
import { exprToTfjs } from '../../../src/objectives/expression/to-tfjs.ts';
import { OPTIMIZER_DEFAULTS, type OptimizerName } from '../../../src/optimizers/spec.ts';
import { tf } from '../../../src/tf.ts';
import { valueAndGradRows } from '../../../kernels/reference.ts';

/** f and ∇f by tfjs autodiff (tf.grad) on the active backend, float32. */
export async function tfValueAndGrad(expr: Expr, d: number, points: Float32Array): Promise<{ f: Float32Array; grad: Float32Array }> {
  const n = points.length / d;
  const { fx, g } = tf.tidy(() => valueAndGradRows(exprToTfjs(expr), tf.tensor2d(points, [n, d])));
  const [f, grad] = [(await fx.data()) as Float32Array, (await g.data()) as Float32Array];
  tf.dispose([fx, g]);
  return { f, grad };
}

export function descentOptions(box: Array<[number, number]>, name: OptimizerName = 'gd', lr = 0.01, over: Partial<DescentOptions> = {}): DescentOptions {
  return {
    optimizer: { ...OPTIMIZER_DEFAULTS, name, lr },
    maxIter: 1000, gtol: 1e-4, xtol: 1e-7, box, divergeRadius: 10, sense: 'min',
    ...over,
  };
}
