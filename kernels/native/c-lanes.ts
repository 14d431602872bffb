import type { V, VecOps } from '../vector-ops.ts';
import type { CBody } from './c-body.ts';
import type { LaneFamily } from './lane-family.ts';
import { expLanes } from '../vmath/exp.ts';
import { logLanes } from '../vmath/log.ts';

/** The mask helpers of the prelude, by C comparison operator (prelude.ts: maskSource). */
const CMP_NAMES: Record<string, string> = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', '==': 'eq', '!=': 'ne' };

/** Names of let values (v12) and constants (K3): assigned once where they are read. */
const STABLE = /^[vK]\d+$/;

/** A lane mask held as a mask (`${p}k`, one bit a lane); get() gives its whole-lane vector form. */
interface KMask extends V<string> {
  k: string;
}

const isMask = (a: V<string>): a is KMask => typeof (a as KMask).k === 'string';

const hex = (x: bigint, bits: number) => `0x${BigInt.asUintN(bits, x).toString(16)}${bits === 32 ? 'u' : 'ull'}`;

function floatBits(x: number, bits: 32 | 64): bigint {
  if (bits === 32) return BigInt(new Uint32Array(new Float32Array([x]).buffer)[0]);
  return new BigUint64Array(new Float64Array([x]).buffer)[0];
}

/**
 * The lane operations (vector-ops.ts) as C over GCC vector extensions: `vector_size` types of
 * `width` lanes of the dtype (8 float32 lanes in an AVX2 register, 16 with AVX-512...). Values are
 * float vectors; integer and bitwise ops act on the same bits through same-size vector casts (a
 * cast between vector types of one size reinterprets, it does not convert), comparisons give
 * all-ones / all-zeros lanes: the bit-level model of cpu/lanes.ts (wasm f32x4) and
 * webgpu/wgsl-lanes.ts, so the C kernel runs the same operations in the same order. Only min,
 * max, floor, ceil, nearest, the any-lane test and the platform sin/cos are helpers (prelude.ts):
 * GCC's vector extensions have no operator for them.
 */
export class CLanes implements VecOps<string> {
  readonly width: number;
  readonly bits: 32 | 64;
  readonly mant: number;
  readonly bias: number;
  readonly F: string;
  readonly I: string;
  readonly U: string;
  readonly fma: boolean;
  readonly masks: boolean;
  /** With fma: the operands of each product made here (let values and constants only: never reassigned). */
  private readonly products = new Map<string, [string, string]>();

  constructor(readonly body: CBody, readonly fam: LaneFamily, private readonly wide?: LaneFamily) {
    this.width = fam.width;
    this.bits = fam.bits;
    this.mant = fam.bits === 32 ? 23 : 52;
    this.bias = fam.bits === 32 ? 127 : 1023;
    this.F = `${fam.p}f`;
    this.I = `${fam.p}i`;
    this.U = `${fam.p}u`;
    this.fma = fam.fma === true;
    this.masks = fam.masks === true;
  }

  /** The C type of a lane mask: its own mask type with masks, else the float vector. */
  get maskType(): string {
    return this.masks ? `${this.fam.p}k` : this.F;
  }

  /** A mask held in the C variable `name` (of maskType), e.g. a function parameter. */
  maskRef(name: string): V<string> {
    return this.masks ? this.kref(name) : this.ref(name);
  }

  /** The C expression of a mask as maskType. */
  maskArg(m: V<string>): string {
    if (!this.masks) return m.get();
    return isMask(m) ? m.k : `${this.fam.p}_kfrom(${m.get()})`;
  }

  /** The C expression counting the set lanes of a mask. */
  count(m: V<string>): string {
    return isMask(m) ? `__builtin_popcount(${m.k})` : `${this.fam.p}_count(${m.get()})`;
  }

  private kref(name: string): KMask {
    // The vector form is made where it is read (no variable that a branch could leave unset);
    // the C compiler merges repeats.
    return { k: name, get: () => `${this.fam.p}_kvec(${name})` };
  }

  private klet(e: string): KMask {
    const n = this.body.declare(this.maskType, 'k');
    this.body.emit(`${n} = ${e};`);
    return this.kref(n);
  }

  get f32(): boolean {
    return this.bits === 32;
  }

  ref(name: string): V<string> {
    return { get: () => name };
  }

  let(e: string): V<string> {
    const n = this.body.declare(this.F);
    this.body.emit(`${n} = ${e};`);
    return this.ref(n);
  }

  variable(init: V<string>): { v: V<string>; set(value: V<string>): void; name: string } {
    if (isMask(init)) {
      const n = this.body.declare(this.maskType, 'km');
      this.body.emit(`${n} = ${init.k};`);
      return { name: n, v: this.kref(n), set: (value) => this.body.emit(`${n} = ${this.maskArg(value)};`) };
    }
    const n = this.body.declare(this.F, 'm');
    this.body.emit(`${n} = ${init.get()};`);
    return { name: n, v: this.ref(n), set: (value) => this.body.emit(`${n} = ${value.get()};`) };
  }

  zerosLike(): V {
    return this.c(0);
  }

  /** Every lane holding the bit pattern `bits`. */
  private bitsConst(bits: bigint): V<string> {
    return this.ref(this.body.constant(this.F, `(${this.F})${this.fam.p}_splatu(${hex(bits, this.bits)})`));
  }

  c(x: number): V<string> {
    return this.bitsConst(floatBits(x, this.bits));
  }

  ci(x: bigint): V<string> {
    return this.bitsConst(x);
  }

  /** A scalar C expression of the lane's float type, broadcast. */
  splat(scalar: string): V<string> {
    return this.let(`${this.fam.p}_splat(${scalar})`);
  }

  private u(a: V<string>): string {
    return `(${this.U})${a.get()}`;
  }

  private bin(op: string, a: V<string>, b: V<string>): V<string> {
    return this.let(`${a.get()} ${op} ${b.get()}`);
  }

  private ubin(op: string, a: V<string>, b: V<string>): V<string> {
    return this.let(`(${this.F})(${this.u(a)} ${op} ${this.u(b)})`);
  }

  private cmp(op: string, a: V<string>, b: V<string>): V<string> {
    if (this.masks) return this.klet(`${this.fam.p}_k${CMP_NAMES[op]}(${a.get()}, ${b.get()})`);
    return this.let(`(${this.F})(${a.get()} ${op} ${b.get()})`);
  }

  private call(fn: string, ...args: V<string>[]): V<string> {
    return this.let(`${this.fam.p}_${fn}(${args.map((a) => a.get()).join(', ')})`);
  }

  /**
   * With fma, a + b where a (else b) is a product made here is one fused multiply-add. The rule
   * is syntactic, so every copy of the same code (the fast and slow step, bm_record, evaluate)
   * fuses the same operations, and a start's result does not depend on which path its group took.
   */
  add(a: V<string>, b: V<string>) {
    const pa = this.productOf(a);
    if (pa) return this.fmaOf(pa[0], pa[1], b.get());
    const pb = this.productOf(b);
    if (pb) return this.fmaOf(pb[0], pb[1], a.get());
    return this.bin('+', a, b);
  }
  /** With fma: a − p·q as fma(−p, q, a) (negation is exact), else p·q − b as fma(p, q, −b). */
  sub(a: V<string>, b: V<string>) {
    const pb = this.productOf(b);
    if (pb) return this.fmaOf(`-${pb[0]}`, pb[1], a.get());
    const pa = this.productOf(a);
    if (pa) return this.fmaOf(pa[0], pa[1], `-${b.get()}`);
    return this.bin('-', a, b);
  }
  mul(a: V<string>, b: V<string>) {
    const r = this.bin('*', a, b);
    const [p, q] = [a.get(), b.get()];
    if (this.fma && STABLE.test(p) && STABLE.test(q)) this.products.set(r.get(), [p, q]);
    return r;
  }
  private productOf(a: V<string>): [string, string] | undefined {
    return this.fma ? this.products.get(a.get()) : undefined;
  }
  private fmaOf(p: string, q: string, c: string): V<string> {
    return this.let(`${this.fam.p}_fma(${p}, ${q}, ${c})`);
  }
  div(a: V<string>, b: V<string>) { return this.bin('/', a, b); }
  /** NaN-propagating, −0 below +0 (wasm's f32x4.min). */
  min(a: V<string>, b: V<string>) { return this.call('min', a, b); }
  max(a: V<string>, b: V<string>) { return this.call('max', a, b); }
  /** The sign bit flipped (wasm's neg: no arithmetic, NaN included). */
  neg(a: V<string>) { return this.ubin('^', a, this.signBit); }
  abs(a: V<string>) { return this.andNot(a, this.signBit); }
  sqrt(a: V<string>) { return this.call('sqrt', a); }
  floor(a: V<string>) { return this.call('floor', a); }
  ceil(a: V<string>) { return this.call('ceil', a); }
  nearest(a: V<string>) { return this.call('nearest', a); }

  lt(a: V<string>, b: V<string>) { return this.cmp('<', a, b); }
  le(a: V<string>, b: V<string>) { return this.cmp('<=', a, b); }
  gt(a: V<string>, b: V<string>) { return this.cmp('>', a, b); }
  ge(a: V<string>, b: V<string>) { return this.cmp('>=', a, b); }
  eq(a: V<string>, b: V<string>) { return this.cmp('==', a, b); }
  ne(a: V<string>, b: V<string>) { return this.cmp('!=', a, b); }

  // With masks: mask op mask stays a mask; a mask and a value is a select (a lane is all ones or
  // all zeros), one masked move, the same bits as the bitwise form.
  and(a: V<string>, b: V<string>) {
    if (isMask(a) && isMask(b)) return this.klet(`(${this.maskType})(${a.k} & ${b.k})`);
    if (isMask(a)) return this.sel(a, b, this.c(0));
    if (isMask(b)) return this.sel(b, a, this.c(0));
    return this.ubin('&', a, b);
  }
  or(a: V<string>, b: V<string>) {
    if (isMask(a) && isMask(b)) return this.klet(`(${this.maskType})(${a.k} | ${b.k})`);
    return this.ubin('|', a, b);
  }
  xor(a: V<string>, b: V<string>) {
    if (isMask(a) && isMask(b)) return this.klet(`(${this.maskType})(${a.k} ^ ${b.k})`);
    return this.ubin('^', a, b);
  }
  andNot(a: V<string>, b: V<string>) {
    if (isMask(a) && isMask(b)) return this.klet(`(${this.maskType})(${a.k} & ~${b.k})`);
    if (isMask(b)) return this.sel(b, this.c(0), a);
    return this.let(`(${this.F})(${this.u(a)} & ~${this.u(b)})`);
  }
  not(a: V<string>) {
    if (isMask(a)) return this.klet(`(${this.maskType})~${a.k}`);
    return this.let(`(${this.F})(~${this.u(a)})`);
  }
  /** Bitwise, like wasm's v128.bitselect (masks are whole lanes, so it is a lane select). */
  sel(m: V<string>, a: V<string>, b: V<string>) {
    if (isMask(m)) return this.let(`${this.fam.p}_kblend(${m.k}, ${a.get()}, ${b.get()})`);
    return this.call('sel', m, a, b);
  }

  iadd(a: V<string>, b: V<string>) { return this.ubin('+', a, b); }
  isub(a: V<string>, b: V<string>) { return this.ubin('-', a, b); }
  ishl(a: V<string>, k: number) { return this.let(`(${this.F})(${this.u(a)} << ${k})`); }
  ishrU(a: V<string>, k: number) { return this.let(`(${this.F})(${this.u(a)} >> ${k})`); }
  ishrS(a: V<string>, k: number) { return this.let(`(${this.F})((${this.I})${a.get()} >> ${k})`); }
  ieq(a: V<string>, b: V<string>) { return this.let(`(${this.F})(${this.u(a)} == ${this.u(b)})`); }

  /** Horner: c[0] + x·(c[1] + x·(c[2] + ...)), as cpu/lanes.ts (multiply, then add: FMAs only with fma). */
  poly(x: V<string>, coeffs: readonly number[]): V<string> {
    let acc = this.c(coeffs[coeffs.length - 1]);
    for (let k = coeffs.length - 2; k >= 0; k--) acc = this.add(this.mul(acc, x), this.c(coeffs[k]));
    return acc;
  }

  get signBit(): V<string> { return this.ci(1n << BigInt(this.bits - 1)); }
  get inf(): V<string> { return this.c(Infinity); }
  finite(a: V<string>): V<string> { return this.lt(this.abs(a), this.inf); }

  /** The C truth value "some lane of the mask is set". */
  any(mask: V<string>): string {
    if (isMask(mask)) return `(${mask.k} != 0)`;
    return `${this.fam.p}_any(${mask.get()})`;
  }

  when(mask: V<string>, fill: () => void): void {
    this.body.block(`if (${this.any(mask)})`, fill);
  }

  /** libm's sin and cos lane by lane, in double (as wasm calls Math.sin/cos on the promoted lane). */
  platformSinCos(x: V<string>): { sin: V<string>; cos: V<string> } {
    const s = this.body.declare(this.F);
    const c = this.body.declare(this.F);
    this.body.emit(`${this.fam.p}_platform_sincos(${x.get()}, &${s}, &${c});`);
    return { sin: this.ref(s), cos: this.ref(c) };
  }

  /**
   * e^(y·ln a) for float32 lanes in float64 lanes of the same count (one vector twice as wide,
   * which GCC splits into registers), rounded once: cpu/lanes.ts does the same in two f64x2
   * halves, with the same operations. Undefined for float64 lanes.
   */
  get widerExpLog(): ((a: V<string>, y: V<string>) => V<string>) | undefined {
    const wide = this.wide;
    if (!this.f32 || !wide) return undefined;
    return (a, y) => {
      const D = new CLanes(this.body, { ...wide, fma: this.fma });
      const a64 = D.let(`__builtin_convertvector(${a.get()}, ${D.F})`);
      const y64 = D.let(`__builtin_convertvector(${y.get()}, ${D.F})`);
      const r = expLanes(D, D.mul(y64, logLanes(D, a64)));
      return this.let(`__builtin_convertvector(${r.get()}, ${this.F})`);
    };
  }
}
