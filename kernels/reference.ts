import { relativeXtol2, sqrtThreshold } from './thresholds.ts';
import type { DescentOptions } from '../src/descent/options.ts';
import { STATUS } from '../src/descent/status.ts';
import type { StartResults } from '../src/descent/types.ts';
import type { Expr } from '../src/objectives/expression/ir.ts';
import { exprToTfjs } from '../src/objectives/expression/to-tfjs.ts';
import type { ObjectiveFn } from '../src/objectives/types.ts';
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../src/tf.ts';
import { adamCorrections, checkOptions, escapeGeometry, RUNNING } from './semantics.ts';
import type { EngineOptions } from './types.ts';

/**
 * The reference engine: the fused semantics (semantics.ts) written with tfjs ops, one iteration
 * at a time on whatever tfjs backend is active. The oracle for the fused engines and their
 * fallback. Float32 only, like tfjs. The optimizer arithmetic is src/optimizers' operation for
 * operation (v·β + g, then ·(−lr), ...), so trajectories agree with the tfjs engine bit for bit
 * wherever the backends' kernels do.
 */
export async function runFused(
  expr: Expr,
  d: number,
  x0: Float32Array,
  opts: DescentOptions,
  engineOpts: EngineOptions = {},
): Promise<StartResults> {
  if ((engineOpts.dtype ?? 'float32') !== 'float32') throw new Error('the reference engine runs in float32 only (tfjs has no float64)');
  checkOptions(opts, d);
  const n = x0.length / d;
  if (!Number.isInteger(n)) throw new RangeError(`x0 has ${x0.length} values, not a multiple of d = ${d}`);
  const f = exprToTfjs(expr);
  const sign = opts.sense === 'max' ? -1 : 1;
  const o = opts.optimizer;
  const corrections = o.name === 'adam' ? adamCorrections(o.beta1, o.beta2, opts.maxIter) : undefined;
  const { centre, radius } = escapeGeometry(opts);
  const consts = {
    centre: tf.tensor1d(centre),
    radius: tf.tensor1d(radius),
    lo: tf.tensor1d(opts.box.map(([a]) => a)),
    hi: tf.tensor1d(opts.box.map(([, b]) => b)),
  };
  const clip = opts.bounds === 'clip';

  let s: State = {
    x: tf.tensor2d(x0, [n, d]),
    v1: tf.zeros([n, d]),
    v2: tf.zeros([n, d]),
    status: tf.fill([n], RUNNING),
    nit: tf.zeros([n]),
    fun: tf.zeros([n]),
    gradNorm: tf.zeros([n]),
  };

  try {
    for (let t = 0; t <= opts.maxIter; t++) {
      const next = tf.tidy(() => {
        const { fx, g: gUser } = valueAndGradRows(f, s.x);
        const g = sign < 0 ? (tf.neg(gUser) as Tensor2D) : gUser;
        const { step, v1, v2 } = optimizerStep(o, s, g, corrections?.slice(2 * t, 2 * t + 2));
        const x2 = clip ? (tf.minimum(tf.maximum(tf.add(s.x, step), consts.lo), consts.hi) as Tensor2D) : (tf.add(s.x, step) as Tensor2D);
        const gn = rowNorm(clip ? projectedGradient(g, s.x, consts.lo, consts.hi) : g);
        const sn2 = tf.sum(tf.square(clip ? (tf.sub(x2, s.x) as Tensor2D) : step), 1);

        const finite = tf.logicalAnd(tf.logicalAnd(tf.isFinite(fx), tf.isFinite(gn)), tf.all(tf.isFinite(s.x), 1));
        const escaped = tf.any(tf.greater(tf.abs(tf.sub(s.x, consts.centre)), consts.radius), 1);
        const gtol = tf.lessEqual(gn, opts.gtol);
        const xtol = tf.lessEqual(sn2, tf.add(tf.mul(tf.sum(tf.square(s.x), 1), opts.xtol > 0 ? relativeXtol2('float32') : 0), sqrtThreshold(opts.xtol, 'float32')));
        const nonfinite = tf.logicalNot(finite);
        const code = firstOf([[nonfinite, STATUS.nonfinite.code], [escaped, STATUS.escaped.code], [gtol, STATUS.gtol.code], [xtol, STATUS.xtol.code]], STATUS.maxiter.code);
        const stops = t >= opts.maxIter ? tf.onesLike(finite) : tf.logicalOr(tf.logicalOr(nonfinite, escaped), tf.logicalOr(gtol, xtol));
        const running = tf.equal(s.status, RUNNING);
        const done = tf.logicalAnd(running, stops);
        const active = tf.logicalAnd(running, tf.logicalNot(done));
        const rows = tf.expandDims(active, 1);
        return {
          state: {
            x: tf.where(rows, x2, s.x) as Tensor2D,
            v1: tf.where(rows, v1, s.v1) as Tensor2D,
            v2: tf.where(rows, v2, s.v2) as Tensor2D,
            status: tf.where(done, code, s.status) as Tensor1D,
            nit: tf.where(done, tf.fill([n], t), s.nit) as Tensor1D,
            fun: tf.where(done, fx, s.fun) as Tensor1D,
            gradNorm: tf.where(done, gn, s.gradNorm) as Tensor1D,
          },
          anyActive: tf.any(active),
        };
      });
      tf.dispose(Object.values(s));
      s = next.state;
      const more = (await next.anyActive.data())[0];
      next.anyActive.dispose();
      if (!more) break;
    }
    const [x, fun, gradNorm, nit, status] = await Promise.all([s.x.data(), s.fun.data(), s.gradNorm.data(), s.nit.data(), s.status.data()]);
    return {
      n, d, x0: Float32Array.from(x0),
      x: Float32Array.from(x),
      fun: Float32Array.from(fun),
      gradNorm: Float32Array.from(gradNorm),
      nit: Int32Array.from(nit),
      status: Uint8Array.from(status),
    };
  } finally {
    tf.dispose(Object.values(s));
    tf.dispose(Object.values(consts));
  }
}

interface State {
  x: Tensor2D;
  /** momentum/nesterov v, adam m, rmsprop/adagrad s. */
  v1: Tensor2D;
  /** adam s. */
  v2: Tensor2D;
  status: Tensor1D;
  nit: Tensor1D;
  fun: Tensor1D;
  gradNorm: Tensor1D;
}

/**
 * f and ∇f per row from one forward pass: f is kept out of the gradient's tidy so the caller gets
 * both (tf.grad alone returns only the gradient).
 */
export function valueAndGradRows(f: ObjectiveFn, x: Tensor2D): { fx: Tensor1D; g: Tensor2D } {
  let fx: Tensor1D | undefined;
  const g = tf.grad((xs: Tensor) => {
    fx = tf.keep(f(xs as Tensor2D));
    return tf.sum(fx);
  })(x) as Tensor2D;
  return { fx: fx!, g };
}

/** src/optimizers' transforms, inlined: the step is the direction times −lr. */
function optimizerStep(o: DescentOptions['optimizer'], s: State, g: Tensor2D, corr?: Float64Array): { step: Tensor2D; v1: Tensor2D; v2: Tensor2D } {
  const scale = (c: Tensor) => tf.mul(c, -o.lr) as Tensor2D;
  switch (o.name) {
    case 'gd':
      return { step: scale(g), v1: s.v1, v2: s.v2 };
    case 'momentum': {
      const v = tf.add(tf.mul(s.v1, o.beta), g) as Tensor2D;
      return { step: scale(v), v1: v, v2: s.v2 };
    }
    case 'nesterov': {
      const v = tf.add(tf.mul(s.v1, o.beta), g) as Tensor2D;
      return { step: scale(tf.add(tf.mul(v, o.beta), g)), v1: v, v2: s.v2 };
    }
    case 'adam': {
      const m = tf.add(tf.mul(s.v1, o.beta1), tf.mul(g, 1 - o.beta1)) as Tensor2D;
      const v = tf.add(tf.mul(s.v2, o.beta2), tf.mul(tf.square(g), 1 - o.beta2)) as Tensor2D;
      const mHat = tf.div(m, corr![0]);
      const sHat = tf.div(v, corr![1]);
      return { step: scale(tf.div(mHat, tf.add(tf.sqrt(sHat), o.eps))), v1: m, v2: v };
    }
    case 'rmsprop': {
      const v = tf.add(tf.mul(s.v1, o.rho), tf.mul(tf.square(g), 1 - o.rho)) as Tensor2D;
      return { step: scale(tf.div(g, tf.add(tf.sqrt(v), o.eps))), v1: v, v2: s.v2 };
    }
    case 'adagrad': {
      const v = tf.add(s.v1, tf.square(g)) as Tensor2D;
      return { step: scale(tf.div(g, tf.add(tf.sqrt(v), o.eps))), v1: v, v2: s.v2 };
    }
  }
}

/** g with the components that point out of the box at an active bound set to zero (run.ts). */
function projectedGradient(g: Tensor2D, x: Tensor2D, lo: Tensor1D, hi: Tensor1D): Tensor2D {
  const blocked = tf.logicalOr(tf.logicalAnd(tf.lessEqual(x, lo), tf.greater(g, 0)), tf.logicalAnd(tf.greaterEqual(x, hi), tf.less(g, 0)));
  return tf.where(blocked, tf.zerosLike(g), g) as Tensor2D;
}

function rowNorm(v: Tensor2D): Tensor1D {
  return tf.sqrt(tf.sum(tf.square(v), 1)) as Tensor1D;
}

function firstOf(cases: Array<[Tensor, number]>, otherwise: number): Tensor1D {
  let out: Tensor = tf.scalar(otherwise);
  for (let i = cases.length - 1; i >= 0; i--) out = tf.where(cases[i][0], tf.scalar(cases[i][1]), out);
  return out as Tensor1D;
}
