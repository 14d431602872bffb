import type { Tape } from '../ad/tape.ts';
import type { VecOps as Lanes, V } from '../vector-ops.ts';
import { atan2Lanes, powLanes, sinCosLanes, UNARY_MATH } from '../vmath/index.ts';

/**
 * Emits the tape as vector code: one lane per start, every instruction once. sin, cos and tan of
 * the same argument share one range reduction. Returns the value of every instruction.
 */
export function emitTape(L: Lanes, tape: Tape, xs: readonly V[]): V[] {
  const vals: V[] = [];
  const sinCos = new Map<number, { sin: V; cos: V }>();
  const trig = (arg: number) => {
    let sc = sinCos.get(arg);
    if (!sc) sinCos.set(arg, (sc = sinCosLanes(L, vals[arg])));
    return sc;
  };
  for (const ins of tape.instrs) {
    const [a, b, c, e] = ins.args.map((i) => vals[i]);
    let v: V;
    switch (ins.op) {
      case 'const': v = L.c(ins.value!); break;
      case 'var': v = xs[ins.index!]; break;
      case 'neg': v = L.neg(a); break;
      case 'add': v = L.add(a, b); break;
      case 'sub': v = L.sub(a, b); break;
      case 'mul': v = L.mul(a, b); break;
      case 'div': v = L.div(a, b); break;
      case 'min': v = L.min(a, b); break;
      case 'max': v = L.max(a, b); break;
      case 'sqrt': v = L.sqrt(a); break;
      case 'abs': v = L.abs(a); break;
      case 'floor': v = L.floor(a); break;
      case 'ceil': v = L.ceil(a); break;
      case 'round': {
        // Halves up (Math.round, the IR's meaning): nearest-even, plus one where that went down
        // from an exact half.
        const r = L.nearest(a);
        v = L.sel(L.ge(L.sub(a, r), L.c(0.5)), L.add(r, L.c(1)), r);
        break;
      }
      case 'sign':
        // ±1, and a itself for ±0 and NaN (Math.sign).
        v = L.sel(L.gt(a, L.c(0)), L.c(1), L.sel(L.lt(a, L.c(0)), L.c(-1), a));
        break;
      case 'sin': v = trig(ins.args[0]).sin; break;
      case 'cos': v = trig(ins.args[0]).cos; break;
      case 'tan': {
        const sc = trig(ins.args[0]);
        v = L.div(sc.sin, sc.cos);
        break;
      }
      case 'atan2': v = atan2Lanes(L, a, b); break;
      case 'pow': v = powLanes(L, a, b); break;
      case 'ifLt': v = L.sel(L.lt(a, b), c, e); break;
      case 'ifLe': v = L.sel(L.le(a, b), c, e); break;
      default: {
        const fn = UNARY_MATH[ins.op];
        if (!fn) throw new Error(`the code generator has no op "${ins.op}"`);
        v = fn(L, a);
      }
    }
    vals.push(v);
  }
  return vals;
}
