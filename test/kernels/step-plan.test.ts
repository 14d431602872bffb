import { describe, expect, it } from 'vitest';
import { buildTape } from '../../kernels/ad/build.ts';
import { boxIntervals, dependencies, finiteOnBox, trigArgumentsWithin } from '../../kernels/ad/slice.ts';
import { stepPlan } from '../../kernels/codegen/step.ts';
import { trigFastLimit } from '../../kernels/vmath/trig.ts';
import { parseExpression } from '../../src/objectives/expression/parse.ts';
import { descentOptions } from './support/oracle.ts';

const tapeOf = (formula: string, d = 2) => buildTape(parseExpression(formula).expr, d);
const RASTRIGIN = 'x^2 + y^2 - 10*cos(2*pi*x) - 10*cos(2*pi*y)';
const BOX: Array<[number, number]> = [[-5.12, 5.12], [-5.12, 5.12]];
/** The arguments of the tape's sines and cosines marked in `mask`. */
const marked = (tape: ReturnType<typeof tapeOf>, mask: Uint8Array) =>
  tape.instrs.filter((ins) => ins.op === 'sin' || ins.op === 'cos').map((ins) => mask[ins.args[0]] === 1);

describe('interval bounds of a tape on a box', () => {
  it('bound 2πx on [-5.12, 5.12] by 2π·5.12 (and a little rounding pad), and say where they do not exist', () => {
    const tape = tapeOf('sin(2*pi*x) + 1/y', 2);
    const all = new Uint8Array(tape.instrs.length).fill(1);
    const { lo, hi, ok } = boxIntervals(tape, all, BOX);
    const arg = tape.instrs.find((ins) => ins.op === 'sin')!.args[0];
    expect(ok[arg]).toBe(1);
    expect(hi[arg]).toBeGreaterThanOrEqual(2 * Math.PI * 5.12);
    expect(hi[arg]).toBeLessThan(2 * Math.PI * 5.12 * (1 + 1e-5));
    expect(lo[arg]).toBeCloseTo(-hi[arg], 12);
    // 1/y with y around 0 is unbounded, and so is f.
    expect(ok[tape.f]).toBe(0);
    expect(finiteOnBox(tape, tape.f, BOX)).toBe(false);
    expect(finiteOnBox(tape, tape.f, [[-5, 5], [1, 2]])).toBe(true);
  });
});

describe('sines the step may take without a range test', () => {
  it("mark Rastrigin's arguments on its escape box (10 box half-widths: |2πx| ≤ 322, far inside the exact range)", () => {
    const tape = tapeOf(RASTRIGIN);
    const plan = stepPlan(tape, descentOptions(BOX, 'gd', 1e-3), 'float32');
    // cos in f and sin in ∇f, of both coordinates.
    expect(marked(tape, plan.trigInRange)).toEqual([true, true, true, true]);
  });

  it('leave an argument whose bound on the escape box passes half the exact range (cos(3000x): 1.5e5 > 12867/2)', () => {
    const tape = tapeOf('x^2 + y^2 + cos(3000*x) - 10*cos(2*pi*y)');
    const plan = stepPlan(tape, descentOptions(BOX, 'gd', 1e-3, { gtol: 0, xtol: 0 }), 'float32');
    const args = tape.instrs.filter((ins) => ins.op === 'cos').map((ins) => ins.args[0]);
    expect(args.map((a) => plan.trigInRange[a])).toEqual([0, 1]);
    // float64's exact range is 2^7 times wider: there both are in range.
    const plan64 = stepPlan(tape, descentOptions(BOX, 'gd', 1e-3, { gtol: 0, xtol: 0 }), 'float64');
    expect(args.map((a) => plan64.trigInRange[a])).toEqual([1, 1]);
  });

  it('mark nothing where an axis has no escape radius (divergeRadius ∞): a start may wander anywhere', () => {
    const tape = tapeOf(RASTRIGIN);
    const plan = stepPlan(tape, descentOptions(BOX, 'gd', 1e-3, { divergeRadius: Infinity }), 'float32');
    expect(marked(tape, plan.trigInRange)).toEqual([false, false, false, false]);
  });

  it('keep half the limit as margin, at the boundary itself', () => {
    const tape = tapeOf('sin(x)', 1);
    const need = dependencies(tape, [tape.f]);
    const limit = trigFastLimit(true);
    const at = (h: number) => marked(tape, trigArgumentsWithin(tape, need, [[-h, h]], limit))[0];
    expect(at(limit / 2 * 0.999)).toBe(true);
    expect(at(limit / 2 * 1.001)).toBe(false);
  });
});
