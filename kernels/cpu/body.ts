import binaryen from 'binaryen';

export type E = number;

/**
 * A wasm function body under construction: a list of statements and typed locals. Values flow
 * through fresh locals (one per instruction, SSA style); binaryen's optimizer coalesces them, so
 * the generators never have to think about register reuse.
 */
export class Body {
  readonly locals: number[] = [];
  private stack: E[][] = [[]];

  constructor(readonly m: binaryen.Module, readonly params: readonly number[]) {}

  local(type: number): number {
    this.locals.push(type);
    return this.params.length + this.locals.length - 1;
  }

  emit(e: E): void {
    this.stack[this.stack.length - 1].push(e);
  }

  /** Collects the statements `fill` emits into a block (for loop bodies and branches). */
  block(fill: () => void, label: string | null = null): E {
    this.stack.push([]);
    fill();
    const stmts = this.stack.pop()!;
    return this.m.block(label, stmts, binaryen.none);
  }

  /** The finished body; call once. */
  finish(): E {
    return this.m.block(null, this.stack[0], binaryen.none);
  }
}
