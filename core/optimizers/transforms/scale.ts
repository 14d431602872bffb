import { stateless, type Transform } from '../transform.ts';

/** step = c·g. With c = −lr this is gradient descent, and the last link of every named optimizer. */
export function scale(c: number): Transform {
  return stateless((o, g) => o.mul(g, o.c(c)));
}
