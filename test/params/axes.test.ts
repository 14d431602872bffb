import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { paramGrid, parseParamFlag, parseParamFlags } from '../../src/params/axes.ts';
import { paramObjective } from '../../src/params/objective.ts';
import { parseExpression } from '../../src/objectives/expression/parse.ts';

describe('--param values', () => {
  it('reads START:STOP:COUNT as evenly spaced values with both ends, like numpy linspace', () => {
    expect(parseParamFlag('a=0:2:5')).toEqual({ name: 'a', values: [0, 0.5, 1, 1.5, 2] });
    expect(parseParamFlag('k=3:3:1')).toEqual({ name: 'k', values: [3] });
  });

  it('reads a list of values in the order given', () => {
    expect(parseParamFlag('a=1,2,5')).toEqual({ name: 'a', values: [1, 2, 5] });
    expect(parseParamFlag(' b = -1e-3 ')).toEqual({ name: 'b', values: [-0.001] });
  });

  it('makes a grid of several parameters, the last one fastest', () => {
    expect(paramGrid(parseParamFlags(['a=1,2', 'b=10,20,30']))).toEqual([[1, 10], [1, 20], [1, 30], [2, 10], [2, 20], [2, 30]]);
  });

  // Each bad value: one line that names the problem and the fix, as a UserError (exit 2 in the CLI).
  const bad: Array<[string, string[], RegExp]> = [
    ['no "="', ['a'], /--param "a" has no "=": write --param NAME=START:STOP:COUNT/],
    ['no values', ['a='], /--param a has no values/],
    ['a bad name', ['2a=1,2'], /"2a" is not a name/],
    ['two colons missing', ['a=1:2'], /needs exactly START:STOP:COUNT/],
    ['a count that is not whole', ['a=0:1:2.5'], /COUNT must be a whole number in \[1, 100000\], got 2.5/],
    ['a zero count', ['a=0:1:0'], /COUNT must be a whole number/],
    ['a value that is not a number', ['a=1,two'], /"two" is not a finite number/],
    ['an infinite value', ['a=0:Infinity:3'], /"Infinity" is not a finite number/],
    ['an empty list entry', ['a=1,,2'], /"" is not a finite number/],
    ['a repeated value', ['a=1,2,1'], /a value is listed twice/],
    ['a range of one point repeated', ['a=1:1:5'], /START equals STOP/],
    ['one parameter twice', ['a=1,2', 'a=3'], /--param a is given twice/],
    ['too big a grid', ['a=0:1:1000', 'b=0:1:1000'], /grid has 1000000 points/],
  ];
  for (const [what, flags, message] of bad) {
    it(`refuses ${what} in one line`, () => {
      const run = () => parseParamFlags(flags);
      expect(run).toThrow(UserError);
      expect(run).toThrow(message);
      try {
        run();
      } catch (e) {
        expect((e as Error).message).not.toMatch(/\n/);
        expect((e as Error).message.length).toBeLessThan(300);
      }
    });
  }
});

describe('a parameter in a formula', () => {
  it('is a column after the free variables, whatever the formula names first', () => {
    const p = parseExpression('a*x^4 - x^2 + y^2', { params: ['a'] });
    expect(p.dim).toBe(2);
    expect(p.variables).toEqual(['x', 'y']);
    expect(JSON.stringify(p.expr)).toContain('{"op":"var","index":2}');
  });

  it('may not be named like a variable, a constant or a function', () => {
    expect(() => parseExpression('x^2', { params: ['y'] })).toThrow(/parameter name "y" is a variable/);
    expect(() => parseExpression('x^2', { params: ['pi'] })).toThrow(/parameter name "pi" is a constant/);
    expect(() => parseExpression('x^2', { params: ['sin'] })).toThrow(/parameter name "sin" is a function/);
  });

  it('must appear in the formula, and a name that is not a parameter is still unknown', () => {
    const axes = parseParamFlags(['a=1,2']);
    expect(() => paramObjective('x^2 + y^2', axes, { box: '-1,1' })).toThrow(/--param a is not used in the formula "x\^2 \+ y\^2"/);
    expect(() => paramObjective('b*x^2 + y^2', axes, { box: '-1,1' })).toThrow(/unknown name "b" at column 1/);
    expect(() => paramObjective('a*x^2 + y^2', axes, {})).toThrow(/a formula needs a box/);
    expect(() => paramObjective('a*2 + a^2', axes, { box: '-1,1' })).toThrow(/has no variable besides its parameters/);
  });

  it('spans the parameter values in the box, and a single value gets a side around it', () => {
    const p = paramObjective('a*x^2 + y^2', parseParamFlags(['a=0.5:2:4']), { box: '-1,1' });
    expect(p.wide.box(3)).toEqual([[-1, 1], [-1, 1], [0.5, 2]]);
    expect(paramObjective('a*x^2', parseParamFlags(['a=0.1']), { box: '-1,1' }).wide.box(2)[1]).toEqual([-0.9, 1.1]);
  });
});
