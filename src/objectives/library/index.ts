import type { Objective } from '../types.ts';
import { ackley } from './ackley.ts';
import { beale } from './beale.ts';
import { booth } from './booth.ts';
import { branin } from './branin.ts';
import { easom } from './easom.ts';
import { eggholder } from './eggholder.ts';
import { goldsteinPrice } from './goldstein-price.ts';
import { griewank } from './griewank.ts';
import { himmelblau } from './himmelblau.ts';
import { levy } from './levy.ts';
import { matyas } from './matyas.ts';
import { mccormick } from './mccormick.ts';
import { michalewicz } from './michalewicz.ts';
import { poly1d } from './poly1d.ts';
import { rastrigin } from './rastrigin.ts';
import { rosenbrock } from './rosenbrock.ts';
import { schwefel } from './schwefel.ts';
import { sixHumpCamel } from './six-hump-camel.ts';
import { sphere } from './sphere.ts';
import { styblinskiTang } from './styblinski-tang.ts';
import { threeHumpCamel } from './three-hump-camel.ts';
import { zakharov } from './zakharov.ts';

/** The built-in test functions, in the order `basinmap functions` lists them. */
export const LIBRARY: readonly Objective[] = [
  // 1-D and fixed 2-D ones, smooth and few-minima first.
  poly1d,
  himmelblau,
  sixHumpCamel,
  threeHumpCamel,
  branin,
  beale,
  booth,
  matyas,
  mccormick,
  goldsteinPrice,
  easom,
  eggholder,
  // Any dimension.
  sphere,
  rosenbrock,
  zakharov,
  styblinskiTang,
  rastrigin,
  ackley,
  levy,
  griewank,
  schwefel,
  michalewicz,
];

export function findLibraryFunction(name: string): Objective | undefined {
  const key = name.toLowerCase().replace(/[\s_]+/g, '-');
  return LIBRARY.find((o) => o.name === key);
}
