import type { Tape } from '../ad/tape.ts';
import type { VecOps as Lanes, V } from '../vector-ops.ts';
import { atan2Lanes, powLanes, sinCosLanes, sinLanes, UNARY_MATH } from '../vmath/index.ts';
import type { OnBig } from '../vmath/trig.ts';

/**
 * Emits the tape as vector code: one lane per start, every instruction once. sin, cos and tan of
 * the same argument share one range reduction. Returns the value of every instruction.
 */
export function emitTape(L: Lanes, tape: Tape, xs: readonly V[]): V[] {
  const e = tapeEmitter(L, tape, xs);
  e.emit(new Uint8Array(tape.instrs.length).fill(1));
  return e.vals as V[];
}

/**
 * Emits a tape in parts: `emit(need)` emits the instructions marked in `need` (a set closed under
 * arguments, see ad/slice.ts) that are not emitted yet, reusing the values emitted before. The
 * step kernel emits the part ∇f needs every step and the rest of f only where a start finishes.
 * Within one call sin, cos and tan of the same argument share one range reduction; where a call
 * needs only the sine of an argument, the cheaper sine-only kernel is used. With `onBig`, the
 * sines and cosines of that call have no inline slow path (see vmath/trig.ts), and those of the
 * arguments marked in `inRange` (StepPlan.trigInRange) no range test either.
 */
export function tapeEmitter(L: Lanes, tape: Tape, xs: readonly V[]): { vals: Array<V | undefined>; emit(need: Uint8Array, onBig?: (big: V) => void, inRange?: Uint8Array): void } {
  const vals: Array<V | undefined> = new Array(tape.instrs.length);
  const sinCos = new Map<number, { sin: V; cos?: V }>();
  const emit = (need: Uint8Array, onBig?: (big: V) => void, inRange?: Uint8Array) => {
    // Arguments whose cosine this call needs (cos, or tan) decide between the two kernels.
    const wantsCos = new Set<number>();
    tape.instrs.forEach((ins, i) => {
      if (need[i] && vals[i] === undefined && (ins.op === 'cos' || ins.op === 'tan')) wantsCos.add(ins.args[0]);
    });
    const trig = (arg: number, cos: boolean) => {
      let sc = sinCos.get(arg);
      if (!sc || (cos && !sc.cos)) {
        const big: OnBig | undefined = onBig && inRange?.[arg] ? 'in-range' : onBig;
        sc = wantsCos.has(arg) || cos ? sinCosLanes(L, vals[arg]!, big) : { sin: sinLanes(L, vals[arg]!, big) };
        sinCos.set(arg, sc);
      }
      return sc as { sin: V; cos: V };
    };
    tape.instrs.forEach((ins, i) => {
      if (!need[i] || vals[i] !== undefined) return;
      vals[i] = emitInstr(L, ins, i, vals as V[], xs, trig);
    });
  };
  return { vals, emit };
}

function emitInstr(L: Lanes, ins: Tape['instrs'][number], _i: number, vals: V[], xs: readonly V[], trig: (arg: number, cos: boolean) => { sin: V; cos: V }): V {
  const [a, b, c, e] = ins.args.map((i) => vals[i]);
  switch (ins.op) {
    case 'const': return L.c(ins.value!);
    case 'var': return xs[ins.index!];
    case 'neg': return L.neg(a);
    case 'add': return L.add(a, b);
    case 'sub': return L.sub(a, b);
    case 'mul': return L.mul(a, b);
    case 'div': return L.div(a, b);
    case 'min': return L.min(a, b);
    case 'max': return L.max(a, b);
    case 'sqrt': return L.sqrt(a);
    case 'abs': return L.abs(a);
    case 'floor': return L.floor(a);
    case 'ceil': return L.ceil(a);
    case 'round': {
      // Halves up (Math.round, the IR's meaning): nearest-even, plus one where that went down
      // from an exact half.
      const r = L.nearest(a);
      return L.sel(L.ge(L.sub(a, r), L.c(0.5)), L.add(r, L.c(1)), r);
    }
    case 'sign':
      // ±1, and a itself for ±0 and NaN (Math.sign).
      return L.sel(L.gt(a, L.c(0)), L.c(1), L.sel(L.lt(a, L.c(0)), L.c(-1), a));
    case 'sin': return trig(ins.args[0], false).sin;
    case 'cos': return trig(ins.args[0], true).cos;
    case 'tan': {
      const sc = trig(ins.args[0], true);
      return L.div(sc.sin, sc.cos);
    }
    case 'atan2': return atan2Lanes(L, a, b);
    case 'pow': return powLanes(L, a, b);
    case 'ifLt': return L.sel(L.lt(a, b), c, e);
    case 'ifLe': return L.sel(L.le(a, b), c, e);
    default: {
      const fn = UNARY_MATH[ins.op];
      if (!fn) throw new Error(`the code generator has no op "${ins.op}"`);
      return fn(L, a);
    }
  }
}
