import { describe, type TestContext } from 'vitest';
import { nativeStatus } from '../../../kernels/native/engine.ts';

/**
 * describe() when the native engine works here (a C compiler, koffi, a probe kernel that runs),
 * else describe.skip() with the reason printed: the tests never pretend to have run.
 */
export const NATIVE = await nativeStatus();

export function describeNative(title: string, body: () => void): void {
  if (!NATIVE.available) {
    console.warn(`[skip] ${title}: native engine unavailable: ${NATIVE.why}`);
    describe.skip(`${title} [native unavailable: ${NATIVE.why}]`, body);
    return;
  }
  describe(`${title} [${NATIVE.describe}]`, body);
}

/** Indices where two typed arrays differ as bits (NaN payloads aside: any NaN equals any NaN). */
export function bitDifferences(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const [p, q] = [a[i], b[i]];
    if (!(Object.is(p, q) || (Number.isNaN(p) && Number.isNaN(q)))) out.push(i);
  }
  return out;
}

/** Skips the running test with its reason printed (the run's output says what did not run, and why). */
export function skipBecause(ctx: TestContext, why: string): void {
  console.warn(`[skip] ${ctx.task.name}: ${why}`);
  ctx.skip(why);
}
