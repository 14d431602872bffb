import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { parseBox } from '../../src/objectives/box.ts';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).not.toContain('\n');
    return (e as Error).message;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}

describe('reading --box', () => {
  it('applies one range to every axis', () => {
    expect(parseBox('-5,5', 3)).toEqual([[-5, 5], [-5, 5], [-5, 5]]);
  });

  it('reads min,max for each axis in turn', () => {
    expect(parseBox('-5,5,-3,3', 2)).toEqual([[-5, 5], [-3, 3]]);
  });

  it('allows blanks, decimals and exponents', () => {
    expect(parseBox(' -1.5 , 2e1 ', 1)).toEqual([[-1.5, 20]]);
  });

  it('reads the bracket form, with one range for every axis or one per axis', () => {
    expect(parseBox('[-5,5]x[-3,3]', 2)).toEqual([[-5, 5], [-3, 3]]);
    expect(parseBox('[-5, 5] × [-3, 3]', 2)).toEqual([[-5, 5], [-3, 3]]);
    expect(parseBox('[0,1]', 2)).toEqual([[0, 1], [0, 1]]);
  });

  it('reads multiples of pi, for periodic formulas', () => {
    expect(parseBox('-pi,pi,0,2pi', 2)).toEqual([[-Math.PI, Math.PI], [0, 2 * Math.PI]]);
    expect(parseBox('-0.5*pi,0.5pi', 1)).toEqual([[-Math.PI / 2, Math.PI / 2]]);
  });

  it('refuses a count that fits neither one range nor one per axis', () => {
    const m = messageOf(() => parseBox('-5,5,-3', 2));
    expect(m).toContain('3 numbers');
    expect(m).toContain('2 axes');
    expect(m).toContain('give 2 (one range for every axis) or 4');
    expect(messageOf(() => parseBox('-5,5,-3,3', 3))).toContain('4 numbers but there are 3 axes');
    expect(messageOf(() => parseBox('[0,1]x[0,1]x[0,1]', 2))).toContain('3 ranges but there are 2 axes');
    expect(messageOf(() => parseBox('', 1))).toContain('0 numbers');
  });

  it('refuses a range whose min is not below its max, naming the axis', () => {
    expect(messageOf(() => parseBox('5,-5', 2))).toContain('the range has min 5 ≥ max -5');
    expect(messageOf(() => parseBox('-5,5,3,3', 2))).toContain('axis 2 has min 3 ≥ max 3');
  });

  it('refuses what is not a number', () => {
    expect(messageOf(() => parseBox('-5,abc', 1))).toContain('"abc" (number 2) is not a number');
    expect(messageOf(() => parseBox('NaN,5', 1))).toContain('"NaN" (number 1) is not a number');
    expect(messageOf(() => parseBox('-5,,5,6', 2))).toContain('number 2 is missing');
    expect(messageOf(() => parseBox('[-5,5]+[1,2]', 2))).toContain('cannot be read');
    expect(messageOf(() => parseBox('[-5,5,6]', 1))).toContain('range 1 has 3 numbers');
  });

  it('refuses infinite bounds', () => {
    expect(messageOf(() => parseBox('-Infinity,5', 1))).toContain('"-Infinity" (number 1) is infinite');
    expect(messageOf(() => parseBox('0,1e999', 1))).toContain('"1e999" (number 2) is infinite');
  });
});
