import type { Objective } from '../types.ts';
import { derivedF } from './from-expression.ts';

/**
 * Six-hump camel: f(x, y) = (4 − 2.1x² + x⁴/3)x² + xy + (4y² − 4)y².
 * Six minima (two global, f ≈ −1.0316), six saddles and two maxima in [−3, 3] × [−2, 2].
 */
export const sixHumpCamel: Objective = derivedF({
  name: 'six-hump-camel',
  title: 'Six-hump camel',
  formula: '(4 - 2.1 x^2 + x^4/3) x^2 + x y + (4 y^2 - 4) y^2',
  expression: () => '(4 - 2.1 * x^2 + x^4 / 3) * x^2 + x * y + (4 * y^2 - 4) * y^2',
  dim: 2,
  defaultDim: 2,
  box: () => [[-3, 3], [-2, 2]],
  // Stationary points re-derived at 30 digits by dense multistart and root finding, classified by
  // the Hessian's eigenvalues (project reference set, after Jamil & Yang 2013).
  known: () => [
    { kind: 'minimum', x: [-0.08984201310032, 0.7126564030207], f: -1.031628453489877, global: true },
    { kind: 'minimum', x: [0.08984201310032, -0.7126564030207], f: -1.031628453489877, global: true },
    { kind: 'minimum', x: [-1.70360671497, 0.7960835686726], f: -0.2154638243837176 },
    { kind: 'minimum', x: [1.70360671497, -0.7960835686726], f: -0.2154638243837176 },
    { kind: 'minimum', x: [-1.60710475292, -0.5686514548841], f: 2.104250310311258 },
    { kind: 'minimum', x: [1.60710475292, 0.5686514548841], f: 2.104250310311258 },
    { kind: 'saddle', x: [0, 0], f: 0 },
    { kind: 'saddle', x: [-1.109205336805, 0.7682680925095], f: 0.5437186009781851 },
    { kind: 'saddle', x: [1.109205336805, -0.7682680925095], f: 0.5437186009781851 },
    { kind: 'saddle', x: [-1.63806798419, -0.2286740690444], f: 2.229357197530715 },
    { kind: 'saddle', x: [1.63806798419, 0.2286740690444], f: 2.229357197530715 },
    { kind: 'saddle', x: [-1.296070267167, -0.6050843880387], f: 2.22947081802986 },
    { kind: 'saddle', x: [1.296070267167, 0.6050843880387], f: 2.22947081802986 },
    { kind: 'maximum', x: [-1.230229876517, -0.162334584459], f: 2.496295351023577 },
    { kind: 'maximum', x: [1.230229876517, 0.162334584459], f: 2.496295351023577 },
  ],
  source: 'Dixon & Szegő (1978); Jamil & Yang (2013); Surjanovic & Bingham, VLSE; stationary points re-derived at 30 digits',
  notes: 'Around ±(1.4, 0.4) a minimum, two saddles and a maximum lie within 0.4 of each other in f; the two saddles differ by only 1.1e-4.',
});
