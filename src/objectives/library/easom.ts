import type { Objective } from '../types.ts';
import { derivedF } from './from-expression.ts';

/**
 * Easom: f(x, y) = −cos x cos y exp(−((x − π)² + (y − π)²)).
 * One deep, narrow well, f = −1 at (π, π), in a box that is flat almost everywhere else.
 */
export const easom: Objective = derivedF({
  name: 'easom',
  title: 'Easom',
  formula: '-cos(x) cos(y) exp(-((x - pi)^2 + (y - pi)^2))',
  expression: () => '-cos(x) * cos(y) * exp(-((x - pi)^2 + (y - pi)^2))',
  dim: 2,
  defaultDim: 2,
  box: () => [[-100, 100], [-100, 100]],
  // f = −h(x) h(y) with h(t) = cos t exp(−(t − π)²), so its minima pair up stationary points of h
  // of the same sign. Next to the well, h peaks at t = 1.30499545... and 2π − 1.30499545...; those
  // four minima were found here by bracketed root finding at 40 digits (Hessian eigenvalues
  // 1.3e-3, positive). All other minima are shallower than 1e-11 and are not listed.
  known: () => [
    { kind: 'minimum', x: [Math.PI, Math.PI], f: -1, global: true },
    { kind: 'minimum', x: [1.3049954504376675, 1.3049954504376675], f: -8.1102238915700659e-5 },
    { kind: 'minimum', x: [1.3049954504376675, 4.978189856741919], f: -8.1102238915700659e-5 },
    { kind: 'minimum', x: [4.978189856741919, 1.3049954504376675], f: -8.1102238915700659e-5 },
    { kind: 'minimum', x: [4.978189856741919, 4.978189856741919], f: -8.1102238915700659e-5 },
  ],
  source: 'Easom (1990); Jamil & Yang (2013); Surjanovic & Bingham, VLSE; f* re-derived at 30 digits; local minima computed here at 40 digits',
  notes:
    'Plateau: about 1 in 1,600 grid starts reaches the well. Farther than about 10 from (π, π), exp(−r²) underflows float32: f and its gradient are exactly 0 there and descents never move.',
});
