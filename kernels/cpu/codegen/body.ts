import binaryen from 'binaryen';
import type { ConstPool } from './const-pool.ts';
import { MEMORY } from './emit.ts';

export type E = number;

/**
 * A wasm function body under construction: a list of statements and typed locals. Values flow
 * through fresh locals (one per instruction, SSA style); binaryen's optimizer coalesces them, so
 * the generators never have to think about register reuse.
 */
export class Body {
  readonly locals: number[] = [];
  private stack: E[][] = [[]];
  /** Loads of pool constants, run once at entry. */
  private readonly prologue: E[] = [];
  private readonly constLocals = new Map<number, number>();

  constructor(readonly m: binaryen.Module, readonly params: readonly number[], readonly pool: ConstPool) {}

  /** The local holding a pool constant, loaded at function entry. */
  constLocal(bytes: Uint8Array): number {
    const off = this.pool.intern(bytes);
    let idx = this.constLocals.get(off);
    if (idx === undefined) {
      idx = this.local(binaryen.v128);
      this.constLocals.set(off, idx);
      this.prologue.push(this.m.local.set(idx, this.m.v128.load(off, 16, this.m.i32.const(0), MEMORY)));
    }
    return idx;
  }

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
    return this.m.block(null, [...this.prologue, ...this.stack[0]], binaryen.none);
  }
}
