import { applyOp } from './scalar-ops.ts';
import { TAPE_ARITY, type Instr, type TapeOp } from './tape.ts';

const COMMUTATIVE = new Set<TapeOp>(['add', 'mul', 'min', 'max']);

/**
 * Builds the forward and adjoint graph as one hash-consed DAG: asking twice for the same op on
 * the same arguments returns the same node, so a subexpression (or a derivative that reuses a
 * forward value, like cos(u) for sin(u)') is computed once. Nodes are appended in creation order,
 * which is always a topological order.
 *
 * Folding is limited to rewrites that keep IEEE semantics (x+0, x*1, x/1, −(−x), constants):
 * x*0 → 0 is not applied, because tfjs gives NaN there when x is infinite, and the engines must
 * agree with tfjs on which starts go non-finite.
 */
export class GraphBuilder {
  readonly nodes: Instr[] = [];
  private readonly index = new Map<string, number>();

  constant(value: number): number {
    // Keyed by the exact bits so that -0 and 0, or two NaNs, are told apart correctly.
    const key = `c:${Object.is(value, -0) ? '-0' : String(value)}`;
    return this.intern(key, { op: 'const', args: [], value });
  }

  variable(index: number): number {
    return this.intern(`v:${index}`, { op: 'var', args: [], index });
  }

  valueOf(id: number): number | undefined {
    const n = this.nodes[id];
    return n.op === 'const' ? n.value : undefined;
  }

  isConst(id: number, value: number): boolean {
    return this.valueOf(id) === value && !Object.is(this.valueOf(id), -0);
  }

  op(op: TapeOp, ...args: number[]): number {
    if (TAPE_ARITY[op] !== args.length) throw new Error(`${op} takes ${TAPE_ARITY[op]} arguments, got ${args.length}`);
    const consts = args.map((a) => this.valueOf(a));
    if (consts.every((c) => c !== undefined) && args.length > 0) {
      return this.constant(applyOp(op, consts as number[]));
    }
    const simplified = this.simplify(op, args);
    if (simplified !== undefined) return simplified;
    const key = `${op}:${(COMMUTATIVE.has(op) ? [...args].sort((p, q) => p - q) : args).join(',')}`;
    return this.intern(key, { op, args });
  }

  private simplify(op: TapeOp, args: number[]): number | undefined {
    const [a, b] = args;
    switch (op) {
      case 'add':
        if (this.isConst(a, 0)) return b;
        if (this.isConst(b, 0)) return a;
        if (this.nodes[b].op === 'neg') return this.op('sub', a, this.nodes[b].args[0]);
        if (this.nodes[a].op === 'neg') return this.op('sub', b, this.nodes[a].args[0]);
        return undefined;
      case 'sub':
        if (this.isConst(b, 0)) return a;
        if (this.isConst(a, 0)) return this.op('neg', b);
        if (this.nodes[b].op === 'neg') return this.op('add', a, this.nodes[b].args[0]);
        return undefined;
      case 'mul':
        if (this.isConst(a, 1)) return b;
        if (this.isConst(b, 1)) return a;
        if (this.isConst(a, -1)) return this.op('neg', b);
        if (this.isConst(b, -1)) return this.op('neg', a);
        return this.foldConstantFactors(a, b);
      case 'div':
        if (this.isConst(b, 1)) return a;
        return undefined;
      case 'neg': {
        const inner = this.nodes[a];
        if (inner.op === 'neg') return inner.args[0];
        // −(c·u) = (−c)·u exactly, and usually lets the constant merge further.
        if (inner.op === 'mul') {
          const [p, q] = inner.args;
          if (this.valueOf(p) !== undefined) return this.op('mul', this.constant(-this.valueOf(p)!), q);
          if (this.valueOf(q) !== undefined) return this.op('mul', this.constant(-this.valueOf(q)!), p);
        }
        return undefined;
      }
      case 'ifLt':
      case 'ifLe':
        if (args[2] === args[3]) return args[2];
        return undefined;
      default:
        return undefined;
    }
  }

  /**
   * c1·(c2·u) → (c1·c2)·u. Reassociation moves the result by at most an ulp; adjoint chains
   * (w·c·cos(c·x)...) otherwise carry one multiply per constant factor.
   */
  private foldConstantFactors(a: number, b: number): number | undefined {
    const [c, u] = this.valueOf(a) !== undefined ? [a, b] : this.valueOf(b) !== undefined ? [b, a] : [-1, -1];
    if (c < 0) return undefined;
    const inner = this.nodes[u];
    if (inner.op !== 'mul') return undefined;
    const [p, q] = inner.args;
    if (this.valueOf(p) !== undefined) return this.op('mul', this.constant(this.valueOf(c)! * this.valueOf(p)!), q);
    if (this.valueOf(q) !== undefined) return this.op('mul', this.constant(this.valueOf(c)! * this.valueOf(q)!), p);
    return undefined;
  }

  private intern(key: string, node: Instr): number {
    const found = this.index.get(key);
    if (found !== undefined) return found;
    this.nodes.push(node);
    const id = this.nodes.length - 1;
    this.index.set(key, id);
    return id;
  }
}
