import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../core/errors.ts';
import { tf, type Tensor, type Tensor2D } from '../../../core/tf.ts';
import { buildTape } from '../../../kernels/ad/build.ts';
import { evalTape } from '../../../kernels/ad/interpret.ts';
import { useBackend } from '../../../src/backends/registry.ts';
import { hessians } from '../../../src/basins/hessian.ts';
import { MAX_AXES, MAX_NESTING, MAX_TOKENS } from '../../../src/objectives/expression/limits.ts';
import { objectiveFromExpression } from '../../../src/objectives/expression/objective.ts';
import { parseExpression } from '../../../src/objectives/expression/parse.ts';
import { exprToTfjs } from '../../../src/objectives/expression/to-tfjs.ts';

const refusal = (source: string): string => {
  try {
    objectiveFromExpression(source, {});
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const message = (e as Error).message;
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(300);
    return message;
  }
  throw new Error(`${source.slice(0, 40)} was accepted`);
};
const nested = (n: number) => `${'('.repeat(n)}x${')'.repeat(n)}`;
const sumOfSquares = (n: number) => Array(n).fill('x^2').join('+');

describe('formula limits, checked before mathjs parses', () => {
  it('reads brackets nested up to the limit and refuses one more, naming the limit', () => {
    expect(parseExpression(nested(MAX_NESTING)).dim).toBe(1);
    expect(refusal(nested(MAX_NESTING + 1))).toMatch(/nests more than 100 levels deep at column 101 .*remove redundant parentheses/);
    expect(refusal(nested(500))).toMatch(/nests more than 100 levels deep/);
  });

  it('counts chained powers, signs and calls as nesting', () => {
    expect(refusal(Array(500).fill('x').join('^'))).toMatch(/nests more than 100/);
    expect(refusal(`${'sin('.repeat(300)}x${')'.repeat(300)}`)).toMatch(/nests more than 100/);
    expect(refusal(`${'-'.repeat(5000)}x`)).toMatch(/nests more than 100/);
    // A long sum or product is a loop in mathjs, not nesting.
    expect(parseExpression(Array(2000).fill('-x^2*y').join('+')).dim).toBe(2);
  });

  it('refuses a formula beyond the token limit in one line', () => {
    expect(refusal(sumOfSquares(MAX_TOKENS / 4 + 1))).toMatch(/has 100003 tokens .*at most 100000 are read/);
  });

  it('refuses an axis beyond the limit instead of allocating it', () => {
    expect(refusal(`x${MAX_AXES + 1}^2`)).toMatch(/names axis 100001, beyond the 100000/);
    expect(refusal('x99999999999999999999999')).toMatch(/beyond the 100000/);
  });

  it('refuses a formula without variables up front, naming the fix', () => {
    expect(refusal('1+2')).toMatch(/"1\+2" has no variable.*write it in x, y, z or x1\.\.xd/);
    expect(refusal('2*pi')).toMatch(/no variable/);
  });

  it('quotes control characters and long names safely, in one line', () => {
    expect(refusal('\u0000 \n .^ { .5 , ) (')).not.toContain('\u0000');
    expect(refusal(`${'b'.repeat(500)}(x)`)).toMatch(/unknown function "b{27}\.\.\."/);
  });
});

describe('long formulas evaluate without overflowing the stack', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  it('3000 and 20000 terms: value and gradient through tfjs', async () => {
    for (const n of [3000, 20000]) {
      const f = exprToTfjs(parseExpression(sumOfSquares(n)).expr);
      const x = tf.tensor2d([0.5, -1], [2, 1]);
      const fx = await f(x).data();
      const g = await tf.grad((v: Tensor) => tf.sum(f(v as Tensor2D)))(x).data();
      // Sums of n equal float32 terms: a relative 1e-3 covers n·ulp of accumulated rounding.
      expect(fx[0]).toBeCloseTo(n * 0.25, -Math.log10(n * 0.25 * 1e-3));
      expect(g[1] / (-2 * n)).toBeCloseTo(1, 3);
    }
  });

  it('20000 terms: the fused tape is built and evaluates exactly', () => {
    const tape = buildTape(parseExpression(sumOfSquares(20000)).expr, 1);
    const { f, grad } = evalTape(tape, [0.5]);
    // float64 sums of 0.25 and of 1 are exact.
    expect(f).toBe(5000);
    expect(grad).toEqual([20000]);
  });
});

describe('formulas that ignore an axis or have a zero derivative', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  it('give zero Hessian entries, never the tfjs "cannot compute gradient" error', async () => {
    const cases: Array<[string, number[]]> = [
      ['x^2 + 0*y', [2, 0, 0, 0]],
      ['x - x + y^2', [0, 0, 0, 2]],
      ['floor(x) + y^2', [0, 0, 0, 2]],
      ['sign(x)*0 + y^2', [0, 0, 0, 2]],
    ];
    for (const [source, expected] of cases) {
      const f = exprToTfjs(parseExpression(source, { dim: 2 }).expr);
      const [h] = await hessians(f, [[0.5, 0.25]], 2);
      // Second derivatives of quadratics in float32: exact.
      expect(Array.from(h), source).toEqual(expected);
    }
  });

  it('give a zero Hessian for a constant objective', async () => {
    const f = exprToTfjs(parseExpression('2*pi').expr);
    expect(Array.from((await hessians(f, [[1]], 1))[0])).toEqual([0]);
  });
});
