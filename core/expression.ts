/**
 * The expression IR: what a parsed formula (or a library function's expression) becomes after
 * validation. Both the tfjs path (to-tfjs.ts) and the fused kernels (kernels/) consume it, so a
 * formula means exactly the same thing on every engine.
 */
/** 'round' rounds halves up, as Math.round does (tf.round and WGSL round() round halves to even). */
export type UnaryOp =
  | 'neg' | 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan'
  | 'sinh' | 'cosh' | 'tanh' | 'exp' | 'log' | 'sqrt' | 'abs' | 'sign'
  | 'square' | 'floor' | 'ceil' | 'round';

export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'min' | 'max' | 'atan2';

/**
 * Nodes may be shared: x^3 is mul(x, square(x)) with one node for x, and a shared subtree can be
 * any size. Treat an Expr as a DAG and memoise by node identity to evaluate each node once.
 */
export type Expr =
  | { op: 'const'; value: number }
  /** Variable x_(index+1): column `index` of the batch. */
  | { op: 'var'; index: number }
  | { op: UnaryOp; arg: Expr }
  | { op: BinaryOp; left: Expr; right: Expr };

export interface ParsedExpression {
  /** The source text as typed. */
  source: string;
  expr: Expr;
  /** Number of variables (the dimension d). */
  dim: number;
  /** The variable names in column order, as the user wrote them (x, y, z or x1..xd). */
  variables: string[];
}
