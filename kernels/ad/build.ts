import type { Expr } from '../../core/expression.ts';
import { GraphBuilder } from './graph.ts';
import { lowerExpr } from './lower.ts';
import { differentiate } from './reverse.ts';
import type { Instr, Tape } from './tape.ts';

/**
 * Compiles an expression in d variables to the tape computing f and ∇f together: lowering with
 * hash-consing, reverse-mode adjoints in the same graph, then dead-code elimination (adjoint
 * nodes that only fed other dead nodes) and renumbering. The last `frozen` columns are
 * parameters: their gradient is the constant 0, so no optimizer ever moves them and the
 * termination rule sees only the free gradient (every fused target: wasm, WGSL, C).
 */
export function buildTape(expr: Expr, d: number, frozen = 0): Tape {
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`dimension must be a positive integer, got ${d}`);
  if (!Number.isInteger(frozen) || frozen < 0 || frozen >= d) throw new RangeError(`frozen columns must be a whole number in [0, ${d - 1}], got ${frozen}`);
  const g = new GraphBuilder();
  const f = lowerExpr(g, expr, d);
  const free = differentiate(g, f, d - frozen);
  const grad = [...free, ...Array.from({ length: frozen }, () => g.constant(0))];
  return compact(g.nodes, f, grad, d);
}

function compact(nodes: Instr[], f: number, grad: number[], d: number): Tape {
  const live = new Uint8Array(nodes.length);
  const mark = (id: number) => { live[id] = 1; };
  mark(f);
  grad.forEach(mark);
  for (let i = nodes.length - 1; i >= 0; i--) {
    if (live[i]) nodes[i].args.forEach(mark);
  }
  const renumber = new Int32Array(nodes.length).fill(-1);
  const instrs: Instr[] = [];
  nodes.forEach((node, i) => {
    if (!live[i]) return;
    renumber[i] = instrs.length;
    instrs.push({ ...node, args: node.args.map((a) => renumber[a]) });
  });
  return { d, instrs, f: renumber[f], grad: grad.map((j) => renumber[j]) };
}
