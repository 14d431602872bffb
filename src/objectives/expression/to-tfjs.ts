import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../../../core/tf.ts';
import { col } from '../columns.ts';
import type { ObjectiveFn } from '../types.ts';
import { highestColumn, postOrder, type BinaryOp, type Expr, type UnaryOp } from '../../../core/expression.ts';

const UNARY: Record<UnaryOp, (a: Tensor) => Tensor> = {
  neg: (a) => tf.neg(a),
  sin: (a) => tf.sin(a),
  cos: (a) => tf.cos(a),
  tan: (a) => tf.tan(a),
  asin: (a) => tf.asin(a),
  acos: (a) => tf.acos(a),
  atan: (a) => tf.atan(a),
  sinh: (a) => tf.sinh(a),
  cosh: (a) => tf.cosh(a),
  tanh: (a) => tf.tanh(a),
  exp: (a) => tf.exp(a),
  log: (a) => tf.log(a),
  sqrt: (a) => tf.sqrt(a),
  abs: (a) => tf.abs(a),
  sign: (a) => tf.sign(a),
  square: (a) => tf.square(a),
  floor: (a) => tf.floor(a),
  ceil: (a) => tf.ceil(a),
  round: roundHalfUp,
};

const BINARY: Record<BinaryOp, (a: Tensor, b: Tensor) => Tensor> = {
  add: (a, b) => tf.add(a, b),
  sub: (a, b) => tf.sub(a, b),
  mul: (a, b) => tf.mul(a, b),
  div: (a, b) => tf.div(a, b),
  pow: (a, b) => tf.pow(a, b),
  min: (a, b) => tf.minimum(a, b),
  max: (a, b) => tf.maximum(a, b),
  atan2: (a, b) => tf.atan2(a, b),
};

/**
 * tf.round rounds halves to even (2.5 → 2); the IR means Math.round (2.5 → 3, -2.5 → -2). The two
 * differ only where x − round(x) is exactly +0.5. The comparison is built from ops that all have
 * gradients in tfjs (equal has none), so tf.grad through round gives 0 as it should.
 */
function roundHalfUp(a: Tensor): Tensor {
  const r = tf.round(a);
  return tf.add(r, tf.cast(tf.greaterEqual(tf.sub(a, r), 0.5), 'float32'));
}

/**
 * The batched graph of a formula: rows of x are points, column j is variable j. Constants stay
 * scalars and broadcast. Shared IR nodes are evaluated once per call.
 */
export function exprToTfjs(expr: Expr): ObjectiveFn {
  const columnsRead = highestColumn(expr) + 1;
  return (x: Tensor2D): Tensor1D =>
    tf.tidy(() => {
      if (x.shape[1] < columnsRead) {
        throw new Error(`this formula reads column ${columnsRead - 1} but the batch has only ${x.shape[1]} columns`);
      }
      const value = evaluate(expr, x);
      if (value.rank === 1) return value as Tensor1D;
      // A formula without variables is a scalar here. Adding zerosLike(x) summed per row makes it
      // one value per row and keeps it on x's tape, so tf.grad returns zeros instead of throwing
      // "cannot compute gradient"; zerosLike ignores x's values, so an infinite x adds no NaN.
      return tf.add(tf.sum(tf.zerosLike(x), 1), value) as Tensor1D;
    });
}

/**
 * The tensor of every node, operands first (postOrder walks the DAG without recursion, so a long
 * formula cannot overflow the stack); shared nodes and equal leaves are computed once.
 */
function evaluate(expr: Expr, x: Tensor2D): Tensor {
  const memo = new Map<Expr | string, Tensor>();
  for (const e of postOrder(expr)) {
    let t: Tensor;
    // Equal leaves are one tensor: a formula's repeated x or 2 are separate IR nodes, and a slice
    // (or a scalar upload) per occurrence would cost a kernel each time.
    if (e.op === 'const') t = leaf(memo, `c${e.value}`, () => tf.scalar(e.value));
    else if (e.op === 'var') t = leaf(memo, `x${e.index}`, () => col(x, e.index));
    else if ('arg' in e) t = UNARY[e.op](memo.get(e.arg)!);
    else t = BINARY[e.op](memo.get(e.left)!, memo.get(e.right)!);
    memo.set(e, t);
  }
  return memo.get(expr)!;
}

function leaf(memo: Map<Expr | string, Tensor>, key: string, make: () => Tensor): Tensor {
  let t = memo.get(key);
  if (!t) memo.set(key, (t = make()));
  return t;
}
