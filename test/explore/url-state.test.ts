import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, readState, writeState } from '../../src/explore/page/url-state.ts';

describe("the explore page's state in its URL", () => {
  it('is the classic demo and a Himmelblau map when the URL says nothing', () => {
    expect(readState('')).toEqual(DEFAULT_STATE);
    expect(readState('').demo).toMatchObject({ f: 'x^4 - 4x^2 + x', x0: ['2', '-2'], lr: '0.01', iters: '100' });
  });

  it('round-trips every field, several x0 and formulas with + and ^ included', () => {
    const s = structuredClone(DEFAULT_STATE);
    s.backend = 'webgl';
    s.demo = { f: '(x+1)^2 * sin(x)', box: '-pi,pi', x0: ['0.5', '-1', '2'], optimizer: 'adam', lr: '0.1', iters: '40' };
    s.map = { f: 'x^2 + y^2', box: '-5,5,-3,3', optimizer: 'momentum', lr: '0.02', iters: '500', sampler: 'sobol', grid: '', n: '4096', seed: '7' };
    expect(readState(writeState(s))).toEqual(s);
  });

  it('keeps what the user typed, even when it is wrong, so that a faulty view can be shared', () => {
    expect(readState('?f=x%5E%5E2&lr=0&mbox=5%2C-5').demo.f).toBe('x^^2');
    expect(readState('?f=x%5E%5E2&lr=0&mbox=5%2C-5').map.box).toBe('5,-5');
  });
});
