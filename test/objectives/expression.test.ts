import { mulberry32 } from '../support/random.ts';
import { describe, expect, it } from 'vitest';
import { tf } from '../../core/tf.ts';
import { UserError } from '../../core/errors.ts';
import { FUNCTIONS, parseExpression } from '../../src/objectives/expression/parse.ts';
import { exprToTfjs } from '../../src/objectives/expression/to-tfjs.ts';
import { objectiveFromExpression } from '../../src/objectives/expression/objective.ts';
import { himmelblau } from '../../src/objectives/library/himmelblau.ts';
import type { ObjectiveFn } from '../../src/objectives/types.ts';
import { describeEachBackend } from '../support/backends.ts';

/** Deterministic points in [lo, hi]^d (mulberry32), so a failure can be replayed. */
function seededPoints(n: number, d: number, seed: number, lo = -5, hi = 5): number[][] {
  const next = mulberry32(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => lo + (hi - lo) * next()));
}

const graphOf = (source: string, dim?: number): ObjectiveFn => exprToTfjs(parseExpression(source, { dim }).expr);

// Reads are async: webgpu under Node has no synchronous download (arraySync needs OffscreenCanvas).
async function values(f: ObjectiveFn, points: number[][]): Promise<number[]> {
  const y = tf.tidy(() => f(tf.tensor2d(points)));
  try {
    return await y.array();
  } finally {
    y.dispose();
  }
}

async function gradients(f: ObjectiveFn, points: number[][]): Promise<number[][]> {
  const g = tf.tidy(() => tf.grad((x) => tf.sum(f(x as tf.Tensor2D)))(tf.tensor2d(points)) as tf.Tensor2D);
  try {
    return await g.array();
  } finally {
    g.dispose();
  }
}

/**
 * tfjs computes in float32, about 7 significant digits, and the two sides may round at different
 * steps (float64 Math.* against float32 kernels, or two graphs ordering ops differently), so
 * agreement means 1e-5 relative, with 1e-5 absolute for values near zero.
 */
function expectClose(actual: number[], expected: number[], tolerance = 1e-5): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i];
    expect(Math.abs(a - e), `item ${i}: got ${a}, expected ${e}`).toBeLessThanOrEqual(tolerance + tolerance * Math.abs(e));
  });
}

function userErrorOf(run: () => unknown): UserError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).not.toContain('\n');
    return e as UserError;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}

describe('reading formulas', () => {
  it('infers the dimension from x, y, z', () => {
    const p = parseExpression('(x^2+y-11)^2+(x+y^2-7)^2');
    expect(p.dim).toBe(2);
    expect(p.variables).toEqual(['x', 'y']);
  });

  it('infers the dimension from the highest of x1..xd, even with axes skipped', () => {
    const p = parseExpression('x1^2 + 3*x4');
    expect(p.dim).toBe(4);
    expect(p.variables).toEqual(['x1', 'x2', 'x3', 'x4']);
  });

  it('reads a lone x as 1-D', () => {
    expect(parseExpression('x^4 - 4*x^2 + x').dim).toBe(1);
  });

  it('takes a larger given dimension, leaving the unused axes free', () => {
    const p = parseExpression('x1^2', { dim: 3 });
    expect(p.dim).toBe(3);
    expect(p.variables).toEqual(['x1', 'x2', 'x3']);
  });

  it('turns small whole powers into squarings and products rather than pow', () => {
    expect(parseExpression('x^2').expr).toEqual({ op: 'square', arg: { op: 'var', index: 0 } });
    expect(JSON.stringify(parseExpression('x^5 + x^-3 + x^(1+1)').expr)).not.toContain('"pow"');
    expect(parseExpression('x^0.5').expr.op).toBe('pow');
  });

  it('lists every function of the table in the unknown-function error', () => {
    const message = userErrorOf(() => parseExpression('foo(x)')).message;
    for (const name of Object.keys(FUNCTIONS)) expect(message).toContain(name);
  });
});

describe('refusing bad formulas with the column and a fix', () => {
  const cases: Array<[string, string, { dim?: number } | undefined, string[]]> = [
    ['an unknown variable', 'x + q', undefined, ['"q"', 'column 5', 'use x, y, z or x1..xd']],
    ['an unknown function', 'x + foo(y)', undefined, ['"foo"', 'column 5', 'known functions are sin']],
    ['a wrong number of arguments', 'x + sin(x, y)', undefined, ['sin takes 1 argument, got 2', 'column 5']],
    ['too few arguments to a variadic function', 'min(x)', undefined, ['min takes at least 2 arguments', 'column 1']],
    ['mixed variable styles', 'x + x2', undefined, ['"x2"', 'column 5', '"x"', 'column 1', 'x1..xd']],
    ['a variable beyond the given dimension', 'x + y + z', { dim: 2 }, ['"z"', 'column 9', 'dimension is 2']],
    ['x, y, z with a dimension above 3', 'x + y', { dim: 5 }, ['"x"', 'column 1', 'x1..x5']],
    ['x0', 'x1 + x0', undefined, ['"x0"', 'column 6', 'start at x1']],
    ['a wrongly cased constant', '2*PI*x', undefined, ['"PI"', 'column 3', 'write pi']],
    ['a function without parentheses', 'sin x', undefined, ['"sin"', 'column 1', 'sin(a)']],
    ['a variable called like a function', 'x(2)', undefined, ['"x"', 'column 1', 'x*(...)']],
    ['a unit', '5 cm', undefined, ['"cm"', 'column 3', 'units']],
    ['an assignment', 'f = x^2', undefined, ['assignment', 'column 3']],
    ['a function definition', 'f(x) = x^2', undefined, ['function definition', 'column 6']],
    ['a matrix', 'x + [1, 2]', undefined, ['matrix', 'column 5']],
    ['indexing', 'x + y[1]', undefined, ['indexing', 'column 6']],
    ['a string', 'x + "a"', undefined, ['string', 'column 5']],
    ['a range', '1:3', undefined, ['range', 'column 2']],
    ['a comparison', 'x + (y < 2)', undefined, ['comparison', 'column 8']],
    ['a conditional', 'x > 0 ? x : y', undefined, ['conditional', 'column 7']],
    ['two formulas', 'x; y', undefined, ['second formula', 'column 2']],
    ['modulo', 'x mod 3', undefined, ['"mod"', 'modulo', 'column 3']],
    ['percent', 'x + 50%', undefined, ['"%"', 'column 7']],
    ['factorial', 'y + x!', undefined, ['"!"', 'factorial', 'column 6']],
    ['a boolean', 'x + true', undefined, ['"true"', 'column 5']],
    ['an infinite number', 'x + 1e400', undefined, ['column 5', 'finite']],
    ['a syntax error', 'x + * y', undefined, ['syntax error', 'column 5']],
    ['a missing parenthesis', '(x + y', undefined, ['syntax error', 'column 7', ')']],
    ['an extra parenthesis', 'x + y)', undefined, ['syntax error', 'column 6', '"("']],
    ['an empty formula', '   ', undefined, ['empty formula']],
  ];

  it.each(cases)('refuses %s', (_what, source, opts, parts) => {
    const message = userErrorOf(() => parseExpression(source, opts)).message;
    for (const part of parts) expect(message).toContain(part);
  });

  it('finds the column of the occurrence that is wrong, not of an earlier one', () => {
    expect(userErrorOf(() => parseExpression('sin(x) + sin(x, y)')).message).toContain('column 10');
    expect(userErrorOf(() => parseExpression('x1 + x2 + x1*x3', { dim: 2 })).message).toContain('"x3" at column 14');
    // The e inside 1e-3 is part of the number, not the constant e.
    expect(userErrorOf(() => parseExpression('1e-3*x + e*q')).message).toContain('"q" at column 12');
  });
});

describe('an objective from a formula', () => {
  it('is named after its source, with a fixed dimension and no known points', () => {
    const o = objectiveFromExpression('x1^2 + x2^2', { box: '-5,5' });
    expect(o).toMatchObject({ name: 'expression', title: 'x1^2 + x2^2', formula: 'x1^2 + x2^2', dim: 2, defaultDim: 2 });
    expect(o.expression?.(2)).toBe('x1^2 + x2^2');
    expect(o.box(2)).toEqual([[-5, 5], [-5, 5]]);
    expect(o.known(2)).toEqual([]);
  });

  it('takes a parsed box as well', () => {
    expect(objectiveFromExpression('x + y', { box: [[-1, 1], [0, 2]] }).box(2)).toEqual([[-1, 1], [0, 2]]);
  });

  it('says how to give a box when it has none', () => {
    const o = objectiveFromExpression('x^2', {});
    expect(userErrorOf(() => o.box(1)).message).toContain('a formula needs a box: add --box -5,5');
  });

  it('refuses a box for the wrong number of axes', () => {
    expect(userErrorOf(() => objectiveFromExpression('x + y', { box: [[-1, 1]] })).message).toContain('2 axes');
  });
});

describeEachBackend('formulas as tfjs graphs', (backend) => {
  const points = seededPoints(64, 2, 20240611);

  it('gives Himmelblau the same values as the library function', async () => {
    const f = graphOf(himmelblau.expression!(2));
    expectClose(await values(f, points), await values(himmelblau.f, points));
  });

  it('gives Himmelblau the same gradients as the library function', async () => {
    const f = graphOf('(x^2+y-11)^2+(x+y^2-7)^2');
    expectClose((await gradients(f, points)).flat(), (await gradients(himmelblau.f, points)).flat());
  });

  it('evaluates x1..xd formulas by column', async () => {
    const p = seededPoints(16, 3, 7);
    expectClose(await values(graphOf('x1 - 2*x3^2'), p), p.map(([a, , c]) => a - 2 * c * c));
  });

  it('evaluates a 1-D formula and its derivative', async () => {
    const p = seededPoints(16, 1, 11, -3, 3);
    const f = graphOf('x^4 - 4*x^2 + x');
    expectClose(await values(f, p), p.map(([x]) => x ** 4 - 4 * x ** 2 + x));
    expectClose((await gradients(f, p)).flat(), p.map(([x]) => 4 * x ** 3 - 8 * x + 1));
  });

  it('gives zero gradient on the axes a formula does not use', async () => {
    const f = graphOf('x1^2', 3);
    expect(await gradients(f, [[1, 2, 3]])).toEqual([[2, 0, 0]]);
  });

  it('returns one value per row, with zero gradient, for a formula without variables', async () => {
    const f = graphOf('2*pi');
    expectClose(await values(f, [[1], [2], [3]]), [2 * Math.PI, 2 * Math.PI, 2 * Math.PI]);
    expect(await gradients(f, [[1], [2]])).toEqual([[0], [0]]);
  });

  it('keeps whole powers of negative numbers and their derivatives finite', async () => {
    const p = [[-2], [-0.5], [-3]];
    const f = graphOf('x^2 + x^3 + pow(x, 4) + x^-2 + cube(x)');
    expectClose(await values(f, p), p.map(([x]) => x ** 2 + x ** 3 + x ** 4 + x ** -2 + x ** 3));
    expectClose((await gradients(f, p)).flat(), p.map(([x]) => 2 * x + 3 * x ** 2 + 4 * x ** 3 - 2 * x ** -3 + 3 * x ** 2));
  });

  it('reads operators with mathjs precedence', async () => {
    const p = [[1.5, -0.5]];
    expectClose(await values(graphOf('-x^2 + 2x*y - y/2/4 + 2^3^2 + 1e-3'), p), [-(1.5 ** 2) + 2 * 1.5 * -0.5 + 0.5 / 8 + 512 + 1e-3]);
  });

  /**
   * WGSL (like Vulkan) lets asin and acos be as loose as atan2(x, sqrt(1 - x²)), whose bound is
   * 4096 ulp (about 2.4e-4 at 0.5); on Mesa llvmpipe asin(0.5) is off by 2.1e-4. So the webgpu
   * backend alone gets that bound, for those two functions.
   */
  const shaderTrig = backend === 'webgpu' ? 5e-4 : undefined;

  // Every function in the table against Math.*, at points inside its domain.
  const byFunction: Array<{ fn: string; call: string; math: (...a: number[]) => number; points: number[][]; tolerance?: number }> = [
    { fn: 'sin', call: 'sin(x)', math: Math.sin, points: [[-2.5], [0.25], [1.75]] },
    { fn: 'cos', call: 'cos(x)', math: Math.cos, points: [[-2.5], [0.25], [1.75]] },
    { fn: 'tan', call: 'tan(x)', math: Math.tan, points: [[-1.25], [0.25], [1]] },
    { fn: 'asin', call: 'asin(x)', math: Math.asin, points: [[-0.75], [0], [0.5]], tolerance: shaderTrig },
    { fn: 'acos', call: 'acos(x)', math: Math.acos, points: [[-0.75], [0], [0.5]], tolerance: shaderTrig },
    { fn: 'atan', call: 'atan(x)', math: Math.atan, points: [[-4], [0.25], [10]] },
    { fn: 'atan2', call: 'atan2(x, y)', math: Math.atan2, points: [[1, 2], [-1, -0.5], [0.5, -2]] },
    { fn: 'sinh', call: 'sinh(x)', math: Math.sinh, points: [[-2], [0.25], [3]] },
    { fn: 'cosh', call: 'cosh(x)', math: Math.cosh, points: [[-2], [0.25], [3]] },
    { fn: 'tanh', call: 'tanh(x)', math: Math.tanh, points: [[-2], [0.25], [3]] },
    { fn: 'exp', call: 'exp(x)', math: Math.exp, points: [[-3], [0], [2.5]] },
    { fn: 'log', call: 'log(x)', math: Math.log, points: [[0.125], [1], [40]] },
    { fn: 'log', call: 'log(x, y)', math: (a, b) => Math.log(a) / Math.log(b), points: [[8, 2], [100, 10], [0.5, 3]] },
    { fn: 'log10', call: 'log10(x)', math: Math.log10, points: [[0.125], [1], [1000]] },
    { fn: 'log2', call: 'log2(x)', math: Math.log2, points: [[0.125], [1], [40]] },
    { fn: 'sqrt', call: 'sqrt(x)', math: Math.sqrt, points: [[0], [2], [30.25]] },
    { fn: 'square', call: 'square(x)', math: (a) => a * a, points: [[-3], [0.5], [7]] },
    { fn: 'cube', call: 'cube(x)', math: (a) => a ** 3, points: [[-3], [0.5], [7]] },
    { fn: 'pow', call: 'pow(x, y)', math: Math.pow, points: [[2, 0.5], [0.5, -3], [3, 2.25]] },
    { fn: 'pow', call: 'pow(x, 3)', math: (a) => Math.pow(a, 3), points: [[-2], [0.5], [-1.5]] },
    { fn: 'abs', call: 'abs(x)', math: Math.abs, points: [[-3], [0], [2.5]] },
    { fn: 'sign', call: 'sign(x)', math: Math.sign, points: [[-3], [0], [2.5]] },
    { fn: 'floor', call: 'floor(x)', math: Math.floor, points: [[-2.5], [0.5], [3]] },
    { fn: 'ceil', call: 'ceil(x)', math: Math.ceil, points: [[-2.5], [0.5], [3]] },
    { fn: 'round', call: 'round(x)', math: Math.round, points: [[-2.5], [-0.75], [0.5], [1.5], [2.5], [2.25]] },
    { fn: 'min', call: 'min(x, y, z)', math: Math.min, points: [[1, 2, 3], [3, -1, 2], [0.5, 0.25, -4]] },
    { fn: 'max', call: 'max(x, y, z)', math: Math.max, points: [[1, 2, 3], [3, -1, 2], [0.5, 0.25, -4]] },
  ];

  it('has a Math.* check for every function in the table', async () => {
    expect(new Set(byFunction.map((c) => c.fn))).toEqual(new Set(Object.keys(FUNCTIONS)));
  });

  it.each(byFunction)('evaluates $call as Math does', async ({ call, math, points: p, tolerance }) => {
    expectClose(await values(graphOf(call), p), p.map((row) => math(...row)), tolerance);
  });

  it('differentiates through round, floor, ceil and sign as zero', async () => {
    const f = graphOf('round(x) + floor(x) + ceil(x) + sign(x)');
    expect(await gradients(f, [[0.3], [-1.7], [2.5]])).toEqual([[0], [0], [0]]);
  });
});
