import type { Expr } from '../../../core/expression.ts';
import type { DescentOptions } from '../../../core/options.ts';
import { optimizerSpec, type OptimizerName } from '../../../core/optimizers/index.ts';
import type { StartResults } from '../../../core/results.ts';
import { tf } from '../../../core/tf.ts';
import { fromArray, runStarts } from '../../../src/descent/driver.ts';
import { tfjsEngine, valueAndGradRows } from '../../../src/engines/tfjs.ts';
import { exprToTfjs } from '../../../src/objectives/expression/to-tfjs.ts';
import { objectiveOf } from '../../support/descend.ts';

/** f and ∇f by tfjs autodiff (tf.grad) on the active backend, float32. */
export async function tfValueAndGrad(expr: Expr, d: number, points: Float32Array): Promise<{ f: Float32Array; grad: Float32Array }> {
  const n = points.length / d;
  const { fx, g } = tf.tidy(() => valueAndGradRows(exprToTfjs(expr), tf.tensor2d(points, [n, d])));
  const [f, grad] = [(await fx.data()) as Float32Array, (await g.data()) as Float32Array];
  tf.dispose([fx, g]);
  return { f, grad };
}

/**
 * The oracle the fused engines are held to: the tfjs engine testing the rule at every step, on the
 * active backend, in one batch without compaction. Same rule and optimizer definitions, tfjs ops.
 */
export async function runReference(expr: Expr, d: number, x0: Float32Array, opts: DescentOptions): Promise<StartResults> {
  const compiled = await tfjsEngine.compile({ objective: objectiveOf(exprToTfjs(expr), d), d, descent: opts, dtype: 'float32' }, { backend: tf.getBackend() });
  return runStarts(compiled, fromArray(x0, d), opts.maxIter, { checkEvery: 1, compact: false, chunkRows: Math.max(1, x0.length / d) });
}

export function descentOptions(box: Array<[number, number]>, name: OptimizerName = 'gd', lr = 0.01, over: Partial<DescentOptions> = {}): DescentOptions {
  return {
    optimizer: optimizerSpec(name, { lr }),
    maxIter: 1000, gtol: 1e-4, xtol: 1e-7, box, divergeRadius: 10, sense: 'min',
    ...over,
  };
}
