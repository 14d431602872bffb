import binaryen from 'binaryen';
import { MEMORY } from './emit.ts';

/**
 * Vector constants kept in linear memory and loaded into locals once per function call. V8
 * materialises every v128.const inside a loop with three instructions (movq r, imm64; vmovq;
 * vpunpcklqdq) at every use; a constant in a local costs at most one reload from the stack. The
 * loads are opaque to binaryen, so its constant propagation cannot put the constants back.
 */
export class ConstPool {
  private readonly offsets = new Map<string, number>();
  private readonly chunks: Uint8Array[] = [];

  /** Byte offset of the 16-byte constant in the pool (interned). */
  intern(bytes: Uint8Array): number {
    const key = Array.from(bytes).join(',');
    let off = this.offsets.get(key);
    if (off === undefined) {
      off = this.chunks.length * 16;
      this.offsets.set(key, off);
      this.chunks.push(bytes);
    }
    return off;
  }

  /** Size in bytes, a multiple of 16. */
  get size(): number {
    return this.chunks.length * 16;
  }

  data(): Uint8Array {
    const out = new Uint8Array(this.size);
    this.chunks.forEach((c, i) => out.set(c, i * 16));
    return out;
  }

  /** Memory with the pool at address 0 and an exported `heap_base`: the first free byte after it. */
  install(m: binaryen.Module): void {
    const base = Math.max(16, this.size);
    m.setMemory(Math.ceil(base / 65536) + 1, 65536, 'memory', [{ offset: m.i32.const(0), data: this.data(), passive: false }], false, false, MEMORY);
    m.addGlobal('heap_base', binaryen.i32, false, m.i32.const(base));
    m.addGlobalExport('heap_base', 'heap_base');
  }
}
