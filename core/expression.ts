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

/** The operands of a node, in order: none for a leaf, one for a unary op, left then right. */
export function operandsOf(e: Expr): Expr[] {
  if (e.op === 'const' || e.op === 'var') return [];
  return 'arg' in e ? [e.arg] : [e.left, e.right];
}

/**
 * Every distinct node of `expr` once, operands before the nodes that use them (post-order, by
 * node identity). Iterative: a formula of 20000 terms is an IR chain 20000 deep, beyond what a
 * recursive walk survives on the default stack. Every consumer of the IR walks it through this.
 */
export function postOrder(expr: Expr): Expr[] {
  const order: Expr[] = [];
  const seen = new Set<Expr>([expr]);
  // Each entry is a node and how many of its operands have been pushed so far.
  const stack: Array<{ node: Expr; next: number; operands: Expr[] }> = [{ node: expr, next: 0, operands: operandsOf(expr) }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.operands.length) {
      const child = top.operands[top.next++];
      if (!seen.has(child)) {
        seen.add(child);
        stack.push({ node: child, next: 0, operands: operandsOf(child) });
      }
      continue;
    }
    stack.pop();
    order.push(top.node);
  }
  return order;
}

/** The highest column (variable index) `expr` reads, or -1 when it reads none. */
export function highestColumn(expr: Expr): number {
  let highest = -1;
  for (const e of postOrder(expr)) if (e.op === 'var') highest = Math.max(highest, e.index);
  return highest;
}
