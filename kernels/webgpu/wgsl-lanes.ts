import type { V, VecOps } from '../vector-ops.ts';

const hex = (u: number) => `0x${(u >>> 0).toString(16)}u`;

function f32Bits(x: number): number {
  return new Uint32Array(new Float32Array([x]).buffer)[0];
}

/**
 * The lane operations as WGSL, one float32 lane per invocation. Values are u32 variables holding
 * float bits (bitcasts are free), so masks and the integer tricks of the math library mean exactly
 * what they mean in wasm, and WGSL's own NaN and signed-zero looseness in min/max/select is
 * avoided. Constants are `let`s at the top of the function, never literals inside expressions:
 * WGSL evaluates constant expressions at shader creation and rejects any that give ∞ or NaN.
 */
export class WgslLanes implements VecOps<string> {
  readonly width = 1;
  readonly bits = 32 as const;
  readonly mant = 23;
  readonly bias = 127;
  readonly f32 = true;
  private readonly lines: string[] = [];
  private readonly consts = new Map<number, string>();
  private depth = 1;
  private count = 0;

  /** The statements emitted so far, constants first. */
  code(): string {
    const pad = '  ';
    const decls = [...this.consts].map(([bits, name]) => `${pad}let ${name}: u32 = ${hex(bits)};`);
    return [...decls, ...this.lines].join('\n');
  }

  /** A raw WGSL statement at the current nesting. */
  emit(line: string): void {
    this.lines.push('  '.repeat(this.depth) + line);
  }

  block(open: string, fill: () => void): void {
    this.emit(`${open} {`);
    this.depth++;
    fill();
    this.depth--;
    this.emit('}');
  }

  name(prefix = 'v'): string {
    return `${prefix}${this.count++}`;
  }

  ref(name: string): V<string> {
    return { get: () => name };
  }

  let(e: string): V<string> {
    const n = this.name();
    this.emit(`let ${n}: u32 = ${e};`);
    return this.ref(n);
  }

  variable(init: V<string>): { v: V<string>; set(value: V<string>): void; name: string } {
    const n = this.name('m');
    this.emit(`var ${n}: u32 = ${init.get()};`);
    return { name: n, v: this.ref(n), set: (value) => this.emit(`${n} = ${value.get()};`) };
  }

  private constant(bits: number): V<string> {
    const b = bits >>> 0;
    let n = this.consts.get(b);
    if (!n) this.consts.set(b, (n = `K${this.consts.size}`));
    return this.ref(n);
  }

  zerosLike(): V<string> {
    return this.c(0);
  }

  c(x: number): V<string> {
    return this.constant(f32Bits(x));
  }

  ci(x: bigint): V<string> {
    return this.constant(Number(BigInt.asUintN(32, x)));
  }

  /** The value as an f32 expression. */
  f(a: V<string>): string {
    return `bitcast<f32>(${a.get()})`;
  }

  private fop(expr: string): V<string> {
    return this.let(`bitcast<u32>(${expr})`);
  }

  private cmp(a: V<string>, op: string, b: V<string>): V<string> {
    return this.let(`select(0u, 0xffffffffu, ${this.f(a)} ${op} ${this.f(b)})`);
  }

  add(a: V<string>, b: V<string>) { return this.fop(`${this.f(a)} + ${this.f(b)}`); }
  sub(a: V<string>, b: V<string>) { return this.fop(`${this.f(a)} - ${this.f(b)}`); }
  mul(a: V<string>, b: V<string>) { return this.fop(`${this.f(a)} * ${this.f(b)}`); }
  div(a: V<string>, b: V<string>) { return this.fop(`${this.f(a)} / ${this.f(b)}`); }
  min(a: V<string>, b: V<string>) { return this.let(`k_min(${a.get()}, ${b.get()})`); }
  max(a: V<string>, b: V<string>) { return this.let(`k_max(${a.get()}, ${b.get()})`); }
  neg(a: V<string>) { return this.let(`(${a.get()} ^ 0x80000000u)`); }
  abs(a: V<string>) { return this.let(`(${a.get()} & 0x7fffffffu)`); }
  sqrt(a: V<string>) { return this.fop(`sqrt(${this.f(a)})`); }
  floor(a: V<string>) { return this.fop(`floor(${this.f(a)})`); }
  ceil(a: V<string>) { return this.fop(`ceil(${this.f(a)})`); }
  nearest(a: V<string>) { return this.fop(`round(${this.f(a)})`); }

  lt(a: V<string>, b: V<string>) { return this.cmp(a, '<', b); }
  le(a: V<string>, b: V<string>) { return this.cmp(a, '<=', b); }
  gt(a: V<string>, b: V<string>) { return this.cmp(a, '>', b); }
  ge(a: V<string>, b: V<string>) { return this.cmp(a, '>=', b); }
  eq(a: V<string>, b: V<string>) { return this.cmp(a, '==', b); }
  ne(a: V<string>, b: V<string>) { return this.cmp(a, '!=', b); }

  and(a: V<string>, b: V<string>) { return this.let(`(${a.get()} & ${b.get()})`); }
  or(a: V<string>, b: V<string>) { return this.let(`(${a.get()} | ${b.get()})`); }
  xor(a: V<string>, b: V<string>) { return this.let(`(${a.get()} ^ ${b.get()})`); }
  andNot(a: V<string>, b: V<string>) { return this.let(`(${a.get()} & ~${b.get()})`); }
  not(a: V<string>) { return this.let(`(~${a.get()})`); }
  sel(m: V<string>, a: V<string>, b: V<string>) { return this.let(`((${a.get()} & ${m.get()}) | (${b.get()} & ~${m.get()}))`); }

  iadd(a: V<string>, b: V<string>) { return this.let(`(${a.get()} + ${b.get()})`); }
  isub(a: V<string>, b: V<string>) { return this.let(`(${a.get()} - ${b.get()})`); }
  ishl(a: V<string>, k: number) { return this.let(`(${a.get()} << ${k}u)`); }
  ishrU(a: V<string>, k: number) { return this.let(`(${a.get()} >> ${k}u)`); }
  ishrS(a: V<string>, k: number) { return this.let(`bitcast<u32>(bitcast<i32>(${a.get()}) >> ${k}u)`); }
  ieq(a: V<string>, b: V<string>) { return this.let(`select(0u, 0xffffffffu, ${a.get()} == ${b.get()})`); }

  poly(x: V<string>, coeffs: readonly number[]): V<string> {
    let acc = this.c(coeffs[coeffs.length - 1]);
    for (let k = coeffs.length - 2; k >= 0; k--) acc = this.add(this.mul(acc, x), this.c(coeffs[k]));
    return acc;
  }

  get signBit() { return this.ci(0x80000000n); }
  get inf() { return this.c(Infinity); }
  finite(a: V<string>) { return this.lt(this.abs(a), this.inf); }

  when(mask: V<string>, fill: () => void): void {
    this.block(`if (${mask.get()} != 0u)`, fill);
  }

  /** WGSL's builtin sin/cos (only reached for |x| beyond the exact reduction). */
  platformSinCos(x: V<string>) {
    return { sin: this.fop(`sin(${this.f(x)})`), cos: this.fop(`cos(${this.f(x)})`) };
  }
}

/** Helpers the generated code calls: NaN-propagating min/max (WGSL leaves NaN unspecified). */
export const WGSL_HELPERS = /* wgsl */ `
fn k_isnan(a: u32) -> bool { return (a & 0x7fffffffu) > 0x7f800000u; }
fn k_min(a: u32, b: u32) -> u32 {
  if (k_isnan(a) || k_isnan(b)) { return 0x7fc00000u; }
  return bitcast<u32>(min(bitcast<f32>(a), bitcast<f32>(b)));
}
fn k_max(a: u32, b: u32) -> u32 {
  if (k_isnan(a) || k_isnan(b)) { return 0x7fc00000u; }
  return bitcast<u32>(max(bitcast<f32>(a), bitcast<f32>(b)));
}
`;
