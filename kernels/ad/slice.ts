import type { Tape } from './tape.ts';

/** The instructions `roots` depend on (themselves included), as a mask over the tape. */
export function dependencies(tape: Tape, roots: readonly number[]): Uint8Array {
  const need = new Uint8Array(tape.instrs.length);
  roots.forEach((r) => { need[r] = 1; });
  for (let i = tape.instrs.length - 1; i >= 0; i--) {
    if (need[i]) tape.instrs[i].args.forEach((a) => { need[a] = 1; });
  }
  return need;
}

/** Bounds far inside every dtype's range, so the rounding of the engines cannot cross them. */
const SAFE = 1e30;

/**
 * Interval arithmetic in float64 over the tape's instructions marked in `need`, for every x in
 * the box [lo_j, hi_j] (widened by a relative 1e-6 for the rounding of the escape test): `ok[i]`
 * says instruction i is provably finite there with bounds [lo[i], hi[i]] within ±1e30. An
 * instruction is ok only where its arguments are and its op is finite on them: no division by an
 * interval containing 0, no log/sqrt/pow/tan/asin/acos, exp and sinh/cosh only of bounded
 * arguments. Conservative: not ok whenever in doubt.
 */
export function boxIntervals(tape: Tape, need: Uint8Array, box: ReadonlyArray<readonly [number, number]>): { lo: Float64Array; hi: Float64Array; ok: Uint8Array } {
  const lo = new Float64Array(tape.instrs.length);
  const hi = new Float64Array(tape.instrs.length);
  const ok = new Uint8Array(tape.instrs.length);
  const bounded = (l: number, h: number) => Number.isFinite(l) && Number.isFinite(h) && Math.abs(l) < SAFE && Math.abs(h) < SAFE;
  for (let i = 0; i < tape.instrs.length; i++) {
    if (!need[i]) continue;
    const ins = tape.instrs[i];
    if (!ins.args.every((arg) => ok[arg])) continue;
    const [a, b, c, e] = ins.args;
    let l = NaN;
    let h = NaN;
    const corners = (vs: number[]) => { l = Math.min(...vs); h = Math.max(...vs); };
    switch (ins.op) {
      case 'const': l = h = ins.value!; break;
      case 'var': {
        const [bl, bh] = box[ins.index!];
        const pad = 1e-6 * Math.max(Math.abs(bl), Math.abs(bh)) + 1e-30;
        l = bl - pad; h = bh + pad;
        break;
      }
      case 'neg': l = -hi[a]; h = -lo[a]; break;
      case 'add': l = lo[a] + lo[b]; h = hi[a] + hi[b]; break;
      case 'sub': l = lo[a] - hi[b]; h = hi[a] - lo[b]; break;
      case 'mul': corners([lo[a] * lo[b], lo[a] * hi[b], hi[a] * lo[b], hi[a] * hi[b]]); break;
      case 'div':
        if (!(lo[b] <= 0 && hi[b] >= 0)) corners([lo[a] / lo[b], lo[a] / hi[b], hi[a] / lo[b], hi[a] / hi[b]]);
        break;
      case 'min': l = Math.min(lo[a], lo[b]); h = Math.min(hi[a], hi[b]); break;
      case 'max': l = Math.max(lo[a], lo[b]); h = Math.max(hi[a], hi[b]); break;
      case 'abs': l = lo[a] <= 0 && hi[a] >= 0 ? 0 : Math.min(Math.abs(lo[a]), Math.abs(hi[a])); h = Math.max(Math.abs(lo[a]), Math.abs(hi[a])); break;
      case 'floor': case 'ceil': case 'round': l = lo[a] - 1; h = hi[a] + 1; break;
      case 'sign': case 'sin': case 'cos': case 'tanh': l = -1; h = 1; break;
      case 'atan': l = -2; h = 2; break;
      case 'atan2': l = -4; h = 4; break;
      case 'exp': if (hi[a] <= 60) { l = 0; h = Math.exp(hi[a]) * 2; } break;
      case 'sinh': case 'cosh': if (Math.max(Math.abs(lo[a]), Math.abs(hi[a])) <= 60) { l = -Math.exp(60); h = Math.exp(60); } break;
      case 'ifLt': case 'ifLe': l = Math.min(lo[c], lo[e]); h = Math.max(hi[c], hi[e]); break;
      default: break;
    }
    if (!bounded(l, h)) continue;
    lo[i] = l; hi[i] = h; ok[i] = 1;
  }
  return { lo, hi, ok };
}

/**
 * Whether f (instruction `node`) is provably finite for every x in the box (boxIntervals). The
 * step kernels use it to skip evaluating f (needed per step only for its finiteness test) where
 * x inside the escape box implies it.
 */
export function finiteOnBox(tape: Tape, node: number, box: ReadonlyArray<readonly [number, number]>): boolean {
  return boxIntervals(tape, dependencies(tape, [node]), box).ok[node] === 1;
}

/**
 * The arguments of sin, cos and tan among the instructions in `need` that are provably within
 * ±limit for every x in the box, as a mask over the tape. Half the limit is kept as margin: the
 * engines compute the argument in float32, whose rounding moves it by a relative 1e-7 an
 * operation, never by half.
 */
export function trigArgumentsWithin(tape: Tape, need: Uint8Array, box: ReadonlyArray<readonly [number, number]>, limit: number): Uint8Array {
  const { lo, hi, ok } = boxIntervals(tape, need, box);
  const within = new Uint8Array(tape.instrs.length);
  tape.instrs.forEach((ins, i) => {
    if (!need[i] || (ins.op !== 'sin' && ins.op !== 'cos' && ins.op !== 'tan')) return;
    const a = ins.args[0];
    if (ok[a] && Math.max(Math.abs(lo[a]), Math.abs(hi[a])) <= limit / 2) within[a] = 1;
  });
  return within;
}
