import type { Dtype } from '../../core/dtype.ts';
import { makeOptimizer, stateCount, type Transform } from '../../core/optimizers/index.ts';
import type { DescentOptions } from '../../core/options.ts';
import { descended, descendedValue, finishStatus, rulePlan, stepTest, type RulePlan, type StepTest } from '../../core/rule.ts';
import { dependencies, finiteOnBox, trigArgumentsWithin } from '../ad/slice.ts';
import { trigFastLimit } from '../vmath/trig.ts';
import type { Tape } from '../ad/tape.ts';
import type { VecOps as Lanes, V } from '../vector-ops.ts';
import { laneRows } from './lane-rows.ts';

/** What a kernel decides about one objective and one set of options before emitting its step. */
export interface StepPlan {
  tape: Tape;
  opts: DescentOptions;
  rule: RulePlan;
  transform: Transform;
  /** State vectors per coordinate (the length of the optimizer's init) and scalars per iteration. */
  nState: number;
  nScalars: number;
  /**
   * f is provably finite on the escape box, so "x inside" already says "f finite": a step needs
   * only what ∇f needs (`stepNeed`) and f is evaluated where a start finishes (core/rule.ts).
   */
  lazyF: boolean;
  stepNeed: Uint8Array;
  everything: Uint8Array;
  /**
   * Arguments of sin and cos in the step that are provably within the fast kernels' exact range
   * on the escape box (every axis bounded): a step may skip their range test where a start that
   * ends has all its outputs recomputed with the slow path (native's bm_record). A start outside
   * the box fails test 2 at that step and ends, so no value of a lane beyond the range is used
   * (measured: +10–20 % on Rastrigin-2D gd in the native kernel, which then has no slow copy of
   * the step at all). Not the wasm kernel: its fast copy's record recomputes only f with the
   * slow path, relying on the step having sent every lane beyond the range to the slow copy.
   */
  trigInRange: Uint8Array;
}

export function stepPlan(tape: Tape, opts: DescentOptions, dtype: Dtype): StepPlan {
  const rule = rulePlan(opts, dtype);
  const transform = makeOptimizer(opts.optimizer, opts.box);
  const escapeBox = rule.centre.map((c, j) => [c - rule.radius[j], c + rule.radius[j]] as const);
  // A line search (transform.rows) tests f at every step.
  const lazyF = !transform.rows && rule.unbounded.length === 0 && finiteOnBox(tape, tape.f, escapeBox);
  const everything = new Uint8Array(tape.instrs.length).fill(1);
  const stepNeed = lazyF ? dependencies(tape, tape.grad) : everything;
  return {
    tape, opts, rule, transform,
    nState: stateCount(transform),
    nScalars: transform.scalars(0).length,
    lazyF,
    stepNeed,
    everything,
    trigInRange: rule.unbounded.length === 0
      ? trigArgumentsWithin(tape, stepNeed, escapeBox, trigFastLimit(dtype === 'float32'))
      : new Uint8Array(tape.instrs.length),
  };
}

/** One iteration's candidate move, its tests, and the optimizer's next state ([vector][coordinate], not yet committed). */
export interface LaneStep extends StepTest<V[], V> {
  state: V[][];
}

/**
 * The step and tests 1–4 of core/rule.ts at x, given the tape's values there (`vals`: at least
 * what plan.stepNeed marks), the optimizer state ([vector][coordinate]) and this iteration's
 * optimizer scalars. The optimizer is applied coordinate by coordinate (it is elementwise).
 */
export function stepTestLanes(L: Lanes, plan: StepPlan, x: V[], vals: V[], state: V[][], k: V[]): LaneStep {
  const R = laneRows(L, x.length);
  const g = descended(R, plan.rule, plan.tape.grad.map((gi) => vals[gi]));
  const f = plan.lazyF ? undefined : vals[plan.tape.f];
  if (plan.transform.rows) {
    const u = plan.transform.rows.update(R, g, descendedValue(R, plan.rule, f!), state, x);
    return { ...stepTest(R, plan.rule, x, g, u.step, f), state: u.state };
  }
  const ups = x.map((xj, j) => plan.transform.update(L, g[j], state.map((s) => s[j]), xj, k));
  const q = stepTest(R, plan.rule, x, g, ups.map((u) => u.step), f);
  return { ...q, state: state.map((_, si) => ups.map((u) => u.state[si])) };
}

/** The status of a start that ends at x (f its value there), and ‖g‖: core/rule.ts finishStatus on lanes. */
export function finishStatusLanes(L: Lanes, q: LaneStep, f: V, x: V[]): { code: V; gn: V } {
  return finishStatus(laneRows(L, x.length), q, f, x);
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
